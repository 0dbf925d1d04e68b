package dev.odoobridge.vendors;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataGenerator;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Two small generated shops ({@link #SHOP} and {@link #ANNEX}, each a running FakeOdoo) fed into
 * one read model through {@link DirectFeed}, built once per test JVM on first use and shared by
 * every test that only reads them (exports, scoping, alerts). The read model's clock is fixed at
 * the generator's "now", so expiry windows computed from FakeOdoo's data match the read model's.
 * Both play Odoo 19.0 with product_expiry installed (lot expiry dates). Tests may send mails through the shops but
 * must not change the synced models.
 */
public final class SharedShops {
    /** The first source. */
    public static final String SHOP = "shop";
    /** The second source: another catalogue whose partner ids overlap the first's. */
    public static final String ANNEX = "annex";
    private static final String[] MODELS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(ShopFixtures.Synced.STOCK_MODELS), java.util.stream.Stream.of("sale.order", "sale.order.line"))
            .toArray(String[]::new);

    /** The instant the data was generated for and the read model's fixed clock. */
    public final Instant now;
    /** The read model holding both sources. */
    public final ReadModel model;
    private final Map<String, FakeOdoo> fakes;
    private final Map<String, RetailDataSummary> data;
    private final Map<String, OdooClient> clients;

    private static final class Holder {
        static final SharedShops INSTANCE = new SharedShops();
    }

    private SharedShops() {
        this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RetailDataSummary[] summaries = new RetailDataSummary[2];
        FakeOdoo shop = start(7, 30, summaries, 0);
        FakeOdoo annex = start(11, 20, summaries, 1);
        this.fakes = Map.of(SHOP, shop, ANNEX, annex);
        this.data = Map.of(SHOP, summaries[0], ANNEX, summaries[1]);
        this.clients = Map.of(SHOP, shop.adminClient(), ANNEX, annex.adminClient());
        this.model = ReadModels.open(ReadModelConfig.builder().inMemory().stockOptions(StockOptions.DEFAULTS).build(),
                Clock.fixed(now, ZoneOffset.UTC));
        DirectFeed.copy(shop, SHOP, model.projector(), MODELS);
        DirectFeed.copy(annex, ANNEX, model.projector(), MODELS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "shared-shops-stop"));
    }

    private FakeOdoo start(long seed, int products, RetailDataSummary[] out, int slot) {
        // lot expiry dates (the alerts these shops serve) exist only with product_expiry, not in a stock 19.0
        RetailDataGenerator generator = RetailDataGenerator.builder().seed(seed).products(products).customers(20)
                .days(21).now(now).productExpiry(true).build();
        return FakeOdoo.builder().seed(seed).modules("product_expiry")
                .data(sink -> out[slot] = generator.generate(sink)).build().start();
    }

    /** The shared shops, built on first use. */
    public static SharedShops get() {
        return Holder.INSTANCE;
    }

    /** The FakeOdoo of a source. */
    public FakeOdoo fake(String source) {
        return Objects.requireNonNull(fakes.get(source), () -> "no shared shop named " + source);
    }

    /** What the generator wrote into a source. */
    public RetailDataSummary data(String source) {
        return Objects.requireNonNull(data.get(source), () -> "no shared shop named " + source);
    }

    /** The administrator's client of a source (owned by the fixture: do not close). */
    public OdooClient client(String source) {
        return Objects.requireNonNull(clients.get(source), () -> "no shared shop named " + source);
    }

    /** Every source's administrator client by name (owned by the fixture: do not close). */
    public Map<String, OdooClient> clients() {
        return clients;
    }

    private void close() {
        model.close();
        clients.values().forEach(OdooClient::close);
        fakes.values().forEach(FakeOdoo::close);
    }
}
