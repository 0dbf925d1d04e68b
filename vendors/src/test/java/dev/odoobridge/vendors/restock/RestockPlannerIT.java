package dev.odoobridge.vendors.restock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.vendors.ShopFixtures;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restock proposals on a small hand-made shop (threshold 10 for every product), synced into the
 * read model; orders applied to FakeOdoo and re-synced.
 */
class RestockPlannerIT {
    private static final String SOURCE = "shop";
    private static final double THRESHOLD = 10;

    private static FakeOdoo fake;
    private static ShopFixtures.Synced shop;
    private static final Map<String, Long> P = new LinkedHashMap<>();
    private static long acme;
    private static long beta;
    private static long other;

    @BeforeAll
    static void start() {
        fake = FakeOdoo.builder().data(sink -> {
            ShopFixtures.Shop s = new ShopFixtures.Shop(sink, LocalDate.now(ZoneOffset.UTC));
            acme = s.partner("Acme Supplies");
            beta = s.partner("Beta Foods");
            other = s.partner("Other Vendor");
            // on hand 2, no demand, min 12 → need 8, raised to the minimum 12
            P.put("min", s.product("Min qty", 2, acme, 12, 3.0));
            // on hand 0, 2 a day for 90 days, pack 25 → need 30 × demand + 10, rounded up to 25s
            P.put("pack", s.product("Pack size", 0, acme, 25, 1.5));
            s.dailySales(P.get("pack"), 90, 2);
            // on hand 5 and 20 incoming → covered
            P.put("covered", s.product("Covered", 5, acme, 6, 2.0));
            s.incoming(P.get("covered"), 20);
            // on hand 2.5, no minimum → 7.5 rounded to 8 whole units
            P.put("units", s.product("Whole units", 2.5, acme, 0, 4.0));
            // healthy: not proposed
            P.put("healthy", s.product("Healthy", 100, acme, 5, 1.0));
            // urgent but another vendor's only
            P.put("foreign", s.product("Foreign", 0, other, 5, 1.0));
            // Beta's product: a second order when Beta is in the scope
            P.put("beta", s.product("Beta product", 1, beta, 10, 7.0));
        }).build().start();
        shop = new ShopFixtures.Synced(fake, SOURCE, StockOptions.DEFAULTS.withDefaultThreshold(THRESHOLD));
    }

    @AfterAll
    static void stop() {
        shop.close();
        fake.close();
    }

    private RestockPlanner planner() {
        return new RestockPlanner(shop.model.reports(), shop.sources(), shop.model.stock());
    }

    private static Optional<RestockLine> line(RestockPlan plan, long productId) {
        return plan.orders().stream().flatMap(o -> o.lines().stream()).filter(l -> l.productId() == productId).findFirst();
    }

    @Test
    void quantitiesCoverTheDemandAndRespectMinimumAndPackSize() {
        VendorScope scope = VendorScope.of(SOURCE, List.of(acme));
        RestockPlan plan = planner().plan(scope);
        assertThat(plan.coverDays()).isEqualTo(30);
        assertThat(plan.orders()).hasSize(1);
        RestockOrder order = plan.orders().get(0);
        assertThat(order.partnerId()).isEqualTo(acme);
        assertThat(order.partnerName()).isEqualTo("Acme Supplies");
        assertThat(order.lines()).extracting(RestockLine::productId)
                .containsExactlyInAnyOrder(P.get("min"), P.get("pack"), P.get("units"));

        RestockLine min = line(plan, P.get("min")).orElseThrow();
        assertThat(min.quantity()).isEqualTo(12);
        assertThat(min.unitPrice()).isEqualTo(3.0);

        double demand = shop.model.reports().forecast(scope, 120).stream()
                .filter(f -> f.productId() == P.get("pack")).mapToDouble(ProductForecast::dailyDemand).sum();
        assertThat(demand).as("the fixture's demand").isGreaterThan(0.5);
        double need = 30 * demand + THRESHOLD;
        RestockLine pack = line(plan, P.get("pack")).orElseThrow();
        assertThat(pack.dailyDemand()).isCloseTo(demand, within(1e-9));
        assertThat(pack.quantity() % 25).isZero();
        assertThat(pack.quantity()).isGreaterThanOrEqualTo(need).isLessThan(need + 25);
        assertThat(pack.reason()).contains("30 d").contains("pack 25");

        assertThat(line(plan, P.get("units")).orElseThrow().quantity()).isEqualTo(8);

        assertThat(plan.covered()).extracting(RestockLine::productId).containsExactly(P.get("covered"));
        assertThat(plan.covered().get(0).quantity()).isZero();
        assertThat(plan.covered().get(0).incoming()).isEqualTo(20);
        assertThat(plan.covered().get(0).reason()).startsWith("covered");
        assertThat(line(plan, P.get("healthy"))).isEmpty();
        assertThat(line(plan, P.get("foreign"))).isEmpty();
    }

    @Test
    void longerCoverNeedsMore() {
        VendorScope scope = VendorScope.of(SOURCE, List.of(acme));
        double d30 = line(planner().plan(scope, 30, 120), P.get("pack")).orElseThrow().quantity();
        double d90 = line(planner().plan(scope, 90, 120), P.get("pack")).orElseThrow().quantity();
        assertThat(d90).isGreaterThan(d30);
    }

    @Test
    void ordersAreGroupedPerVendorPartner() {
        RestockPlan plan = planner().plan(VendorScope.of(SOURCE, List.of(acme, beta)));
        assertThat(plan.orders()).extracting(RestockOrder::partnerId).containsExactly(
                Math.min(acme, beta), Math.max(acme, beta));
        RestockOrder betaOrder = plan.orders().stream().filter(o -> o.partnerId() == beta).findFirst().orElseThrow();
        assertThat(betaOrder.lines()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo(P.get("beta"));
            assertThat(l.quantity()).isEqualTo(10);
        });
        assertThat(betaOrder.total()).isEqualTo(70.0);
    }

    @Test
    void applyCreatesDraftOrdersInOdooAndTheReadModelShowsThemAfterTheResync() {
        RestockPlan plan = planner().plan(VendorScope.of(SOURCE, List.of(beta)));
        List<CreatedOrder> created = planner().apply(plan, shop.engine);
        assertThat(created).singleElement().satisfies(c -> {
            assertThat(c.partnerId()).isEqualTo(beta);
            assertThat(c.lineIds()).hasSize(1);
        });
        CreatedOrder c = created.get(0);

        OdooRecord po = shop.odoo.model("purchase.order").read(List.of(c.orderId()),
                List.of("partner_id", "state", "origin")).get(0);
        assertThat(po.getString("state")).isEqualTo("draft");
        assertThat(po.getRef("partner_id").id()).isEqualTo(beta);
        List<OdooRecord> lines = shop.odoo.model("purchase.order.line").searchRead(
                Domains.eq("order_id", c.orderId()), List.of("product_id", "product_qty", "price_unit"));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.getRef("product_id").id()).isEqualTo(P.get("beta"));
            assertThat(l.getDouble("product_qty")).isEqualTo(10.0);
            assertThat(l.getDouble("price_unit")).isEqualTo(7.0);
        });

        Map<String, Object> synced = shop.model.projector().find(SOURCE, "purchase.order", c.orderId()).orElseThrow();
        assertThat(synced.get("state")).isEqualTo("draft");
        assertThat(shop.model.projector().find(SOURCE, "purchase.order.line", c.lineIds().get(0))).isPresent();
    }

    @Test
    void aPlanWithoutOrdersCreatesNothing() {
        int before = fake.count("purchase.order");
        RestockPlan plan = planner().plan(VendorScope.of(SOURCE, List.of(other + 1000)));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(planner().apply(plan, shop.engine)).isEmpty();
        assertThat(fake.count("purchase.order")).isEqualTo(before);
    }
}
