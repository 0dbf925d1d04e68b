package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.orderpoint;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.row;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductOverview;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.ReportScope;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SourceScope;
import dev.odoobridge.readmodel.report.StockOverview;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Reports#stockOverview} gives the numbers of the single-purpose reports it replaces on a dashboard (stock
 * status, sales velocity, forecast, lots in stock), on random shops in Odoo's record shapes: two sources, several
 * warehouses, reordering rules, several vendors per product, inactive and consumable products, lots with and without
 * expiry, deliveries, receipts and internal moves in every state, with and without {@code quantity}; read on the day
 * of the build and later, for short and long windows, and with views whose kept deliveries are missing (read from the
 * moves, as the velocity report does).
 */
class StockOverviewTest {
    private static final DateTimeFormatter ODOO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final ChangeLogTest.MutableClock clock = new ChangeLogTest.MutableClock(NOW);
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().build(), clock);
    private final MongoClient client = MongoClients.create(ChangeLogTest.uri(model));
    private final MongoCollection<Document> views = client.getDatabase("odoo_bridge").getCollection("product_stock");
    private final Reports reports = model.reports();

    @AfterEach
    void close() {
        client.close();
        model.close();
    }

    @Test
    void overviewEqualsTheSeparateReportsOnRandomShops() {
        Random random = new Random(11);
        shop("north", random, 40);
        shop("south", random, 25);
        List<ReportScope> scopes = List.of(VendorScope.of("north", List.of(70L)),
                VendorScope.of("north", List.of(70L, 72L)).and("south", List.of(71L)), VendorScope.of("south", List.of(72L)),
                VendorScope.of("north", List.of(404L)), SourceScope.of("north"), SourceScope.of(List.of("north", "south")));
        int compared = 0;
        for (int laterDays : new int[] {0, 30}) {
            clock.advance(Duration.ofDays(laterDays));
            for (ReportScope scope : scopes) {
                for (int window : new int[] {1, 30, 120, 400, 500}) {
                    compared += assertSameAsSeparate(scope, window);
                }
            }
        }
        assertThat(compared).as("products compared").isGreaterThan(500);
        // the scope of partner 70 has urgent, sold and unsold products, and lots
        StockOverview overview = reports.stockOverview(VendorScope.of("north", List.of(70L)), 120);
        assertThat(overview.products()).extracting(p -> p.status().status()).contains(StockStatus.URGENT, StockStatus.HEALTHY);
        assertThat(overview.products()).anySatisfy(p -> assertThat(p.deliveredQuantity()).isPositive())
                .anySatisfy(p -> assertThat(p.deliveredQuantity()).isZero());
        assertThat(overview.lots()).isNotEmpty();
    }

    @Test
    void viewsWithoutKeptDeliveriesAreReadFromTheMoves() {
        Random random = new Random(5);
        shop("north", random, 20);
        VendorScope scope = VendorScope.of("north", List.of(70L, 71L));
        StockOverview stored = reports.stockOverview(scope, 120);
        views.updateOne(new Document("_id", "north:3"), new Document("$unset", new Document("delivered_daily", "")));
        assertThat(reports.stockOverview(scope, 120)).isEqualTo(stored);
        assertSameAsSeparate(scope, 120);
        // and the kept deliveries are read when they are there: a changed kept day shows
        Document packed = new Document("start", "2026-11-21").append("days", List.of(0)).append("qty", List.of(1000.0));
        views.updateMany(new Document(), new Document("$set", new Document("delivered_daily", packed)));
        assertThat(reports.stockOverview(scope, 1).products()).allSatisfy(p -> assertThat(p.deliveredQuantity()).isEqualTo(1000.0));
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> reports.stockOverview(SourceScope.of("north"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Compares the overview with the separate reports; returns the number of products compared. */
    private int assertSameAsSeparate(ReportScope scope, int window) {
        String as = scope + ", window " + window + ", " + clock.instant();
        StockOverview overview = reports.stockOverview(scope, window);
        assertThat(overview.windowDays()).isEqualTo(window);
        assertThat(overview.products()).extracting(ProductOverview::status).as(as).isEqualTo(reports.stockStatus(scope));
        List<ProductForecast> forecasts = reports.forecast(scope, window);
        assertThat(overview.products()).extracting(ProductOverview::forecast).as(as).isEqualTo(forecasts);
        Map<String, ProductVelocity> velocity = new HashMap<>();
        reports.salesVelocity(scope, window).forEach(v -> velocity.put(v.source() + ":" + v.productId(), v));
        for (ProductOverview p : overview.products()) {
            ProductVelocity v = velocity.get(p.status().source() + ":" + p.status().productId());
            assertThat(p.deliveredQuantity()).as(as).isEqualTo(v == null ? 0.0 : v.totalQuantity());
            assertThat(p.perDay()).as(as).isEqualTo(v == null ? 0.0 : v.perDay());
        }
        if (scope instanceof VendorScope vendor) {
            assertThat(overview.lots()).as(as).isEqualTo(reports.lotsInStock(vendor));
        } else {
            assertThat(overview.lots()).as(as).allSatisfy(l -> assertThat(l.quantity()).isPositive());
        }
        return overview.products().size();
    }

    /** A random shop: 3 warehouses, {@code products} products of partners 70-72, lots, orderpoints and ~25 moves each. */
    private void shop(String source, Random random, int products) {
        apply(source, "stock.location", List.of(location(5, "WH1/Stock", "internal", 1), location(6, "WH2/Stock", "internal", 2),
                location(7, "WH3/Shelf", "internal", 3), location(9, "Customers", "customer", 0),
                location(8, "Vendors", "supplier", 0), location(10, "Loss", "inventory", 0)));
        long[] locations = {5, 6, 7, 9, 8, 10};
        String[] states = {"done", "done", "done", "done", "assigned", "confirmed", "cancel"};
        List<OdooRecord> productRows = new ArrayList<>();
        List<OdooRecord> suppliers = new ArrayList<>();
        List<OdooRecord> quants = new ArrayList<>();
        List<OdooRecord> lots = new ArrayList<>();
        List<OdooRecord> orderpoints = new ArrayList<>();
        List<OdooRecord> moves = new ArrayList<>();
        long supplierId = 0;
        long quantId = 0;
        long lotId = 0;
        long moveId = 0;
        for (long p = 1; p <= products; p++) {
            OdooRows product = row(p).with("name", "P" + p).with("display_name", source + " P" + p).with("default_code", "C" + p)
                    .with("barcode", p % 3 == 0 ? "400" + p : OdooRows.FALSE).m2o("product_tmpl_id", p, "P" + p)
                    .with("active", p % 11 != 0);
            if (p % 7 == 0) {
                product.with("type", "consu").with("is_storable", false);
            } else if (p % 2 == 0) {
                product.with("type", "consu").with("is_storable", true);
            }
            productRows.add(product.build());
            for (long partner = 70; partner <= 72; partner++) {
                if (random.nextInt(3) > 0 || partner == 70 + p % 3) {
                    suppliers.add(supplier(++supplierId, partner, p, random.nextBoolean() ? p : 0));
                }
            }
            if (random.nextInt(3) == 0) {
                orderpoints.add(orderpoint(p, p, 1 + random.nextInt(3), 5 + random.nextInt(30)));
            }
            for (int q = 0; q < random.nextInt(4); q++) {
                long lot = 0;
                if (random.nextInt(3) == 0) {
                    lot = ++lotId;
                    String expiry = random.nextInt(4) == 0 ? null
                            : LocalDateTime.ofInstant(NOW.plus(Duration.ofDays(random.nextInt(120) - 30)), ZoneOffset.UTC).format(ODOO);
                    lots.add(row(lot).with("name", "LOT-" + lot).m2o("product_id", p, "P" + p)
                            .with("expiration_date", expiry == null ? OdooRows.FALSE : expiry).build());
                }
                quants.add(quant(++quantId, p, locations[random.nextInt(4)], random.nextInt(60) - 5, lot, OdooRows.T0));
            }
            for (int m = 0; m < random.nextInt(50); m++) {
                String date = LocalDateTime.ofInstant(NOW.minus(Duration.ofMinutes(random.nextInt(520 * 24 * 60)))
                        .plus(Duration.ofDays(random.nextInt(3))), ZoneOffset.UTC).format(ODOO);
                OdooRows move = row(++moveId).m2o("product_id", p, "P" + p)
                        .m2o("location_id", locations[random.nextInt(locations.length)], "L")
                        .m2o("location_dest_id", random.nextBoolean() ? 9 : locations[random.nextInt(locations.length)], "L")
                        .with("product_uom_qty", (double) (1 + random.nextInt(9))).with("state", states[random.nextInt(states.length)])
                        .with("date", date).with("reference", "WH/" + moveId);
                if (random.nextInt(4) > 0) {
                    move.with("quantity", random.nextInt(9) + random.nextInt(4) / 4.0);
                }
                moves.add(move.build());
            }
        }
        apply(source, "product.product", productRows);
        apply(source, "product.supplierinfo", suppliers);
        apply(source, "stock.warehouse.orderpoint", orderpoints);
        apply(source, "stock.lot", lots);
        apply(source, "stock.quant", quants);
        apply(source, "stock.move", moves);
    }

    private void apply(String source, String model, List<OdooRecord> records) {
        if (!records.isEmpty()) {
            this.model.projector().apply(source, model, records, NOW);
        }
    }
}
