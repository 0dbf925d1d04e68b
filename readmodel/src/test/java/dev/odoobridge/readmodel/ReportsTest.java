package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.move;
import static dev.odoobridge.readmodel.OdooRows.product;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.row;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.CustomerActivity;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant F = NOW;
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory()
            .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(10).withNearExpiryDays(15)).build(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Reports reports = model.reports();
    private final VendorScope vendor70 = VendorScope.of("shop", List.of(70L));

    @AfterEach
    void close() {
        model.close();
    }

    private void apply(String m, OdooRecord... records) {
        model.projector().apply("shop", m, List.of(records), F);
    }

    /** Products 1..4 of vendor 70 with on hand 5, 12, 20, 0 (threshold 10); product 9 of vendor 71. */
    @BeforeEach
    void data() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1), location(9, "Customers", "customer", 0));
        apply("product.product", product(1, "A"), product(2, "B"), product(3, "C"), product(4, "D"), product(9, "Other"));
        apply("product.supplierinfo", supplier(1, 70, 1, 1), supplier(2, 70, 2, 2), supplier(3, 70, 3, 3),
                supplier(4, 70, 4, 4), supplier(9, 71, 9, 9));
        apply("stock.quant", quant(1, 1, 5, 5), quant(2, 2, 5, 12), quant(3, 3, 5, 20), quant(9, 9, 5, 1));
    }

    @Test
    void stockStatusByThreshold() {
        List<StockStatusRow> rows = reports.stockStatus(vendor70);
        assertThat(rows).extracting(StockStatusRow::productId, StockStatusRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, StockStatus.URGENT),
                org.assertj.core.groups.Tuple.tuple(2L, StockStatus.MODERATE),
                org.assertj.core.groups.Tuple.tuple(3L, StockStatus.HEALTHY),
                org.assertj.core.groups.Tuple.tuple(4L, StockStatus.URGENT));
        assertThat(reports.stockStatus(VendorScope.of("shop", List.of(71L)))).extracting(StockStatusRow::productId)
                .containsExactly(9L);
        assertThat(reports.stockStatus(VendorScope.of("other-shop", List.of(70L)))).isEmpty();
    }

    @Test
    void scopeCannotBeEmpty() {
        assertThatThrownBy(() -> new VendorScope(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorScope.of("shop", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VendorScope(Map.of("shop", Set.of(0L)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.stockStatus(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void velocityCountsDoneOutgoingMovesInTheWindow() {
        apply("stock.move", move(1, 1, 5, 9, 3, "done", "2026-11-20 10:00:00"), move(2, 1, 5, 9, 2, "done", "2026-11-20 15:00:00"),
                move(3, 1, 5, 9, 4, "done", "2026-11-10 10:00:00"), move(4, 1, 5, 9, 50, "assigned", "2026-11-19 10:00:00"),
                move(5, 1, 9, 5, 7, "done", "2026-11-18 10:00:00"), move(6, 1, 5, 9, 8, "done", "2026-07-01 10:00:00"),
                move(7, 9, 5, 9, 6, "done", "2026-11-20 10:00:00"));
        List<ProductVelocity> v = reports.salesVelocity(vendor70, 30);
        assertThat(v).singleElement().satisfies(p -> {
            assertThat(p.productId()).isEqualTo(1);
            assertThat(p.totalQuantity()).isEqualTo(9);
            assertThat(p.perDay()).isEqualTo(9 / 30.0);
            assertThat(p.daily()).hasSize(30);
            assertThat(p.daily().get(29).day()).isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(p.daily().get(28).quantity()).isEqualTo(5);
        });
    }

    @Test
    void forecastPicksMethodAndComputesCover() {
        // product 3: sold 2 every day for 28 days -> smooth, moving average 2/day, on hand 20 -> 10 days of cover
        OdooRecord[] moves = new OdooRecord[28];
        for (int i = 0; i < 28; i++) {
            moves[i] = move(100 + i, 3, 5, 9, 2, "done", LocalDate.of(2026, 11, 21).minusDays(i) + " 09:00:00");
        }
        apply("stock.move", moves);
        // product 2: sold 6 once a week -> intermittent, SBA
        apply("stock.move", move(200, 2, 5, 9, 6, "done", "2026-11-14 09:00:00"), move(201, 2, 5, 9, 6, "done", "2026-11-07 09:00:00"),
                move(202, 2, 5, 9, 6, "done", "2026-10-31 09:00:00"), move(203, 2, 5, 9, 6, "done", "2026-10-24 09:00:00"));
        Map<Long, ProductForecast> byId = new java.util.HashMap<>();
        reports.forecast(vendor70, 28).forEach(f -> byId.put(f.productId(), f));
        assertThat(byId).containsOnlyKeys(1L, 2L, 3L, 4L);
        ProductForecast smooth = byId.get(3L);
        assertThat(smooth.pattern()).isEqualTo(dev.odoobridge.readmodel.report.DemandPattern.SMOOTH);
        assertThat(smooth.dailyDemand()).isEqualTo(2.0);
        assertThat(smooth.daysOfCover()).isEqualTo(10.0);
        assertThat(smooth.stockoutDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        ProductForecast weekly = byId.get(2L);
        assertThat(weekly.pattern()).isEqualTo(dev.odoobridge.readmodel.report.DemandPattern.INTERMITTENT);
        assertThat(weekly.method()).isEqualTo(dev.odoobridge.readmodel.report.ForecastMethod.SBA);
        assertThat(weekly.dailyDemand()).isBetween(0.7, 0.9);
        assertThat(byId.get(1L).daysOfCover()).isNull();
        assertThat(byId.get(1L).pattern()).isEqualTo(dev.odoobridge.readmodel.report.DemandPattern.NONE);
    }

    @Test
    void alertsForLowStockNearExpiryAndExpired() {
        apply("stock.lot", row(31).with("name", "OLD").m2o("product_id", 3, "C").with("expiration_date", "2026-11-01 00:00:00").build(),
                row(32).with("name", "SOON").m2o("product_id", 3, "C").with("expiration_date", "2026-11-30 00:00:00").build(),
                row(33).with("name", "LATER").m2o("product_id", 3, "C").with("expiration_date", "2027-03-01 00:00:00").build(),
                row(39).with("name", "OTHER").m2o("product_id", 9, "Other").with("expiration_date", "2026-11-01 00:00:00").build());
        apply("stock.quant", quant(31, 3, 5, 1, 31, OdooRows.T0), quant(32, 3, 5, 1, 32, OdooRows.T0),
                quant(33, 3, 5, 1, 33, OdooRows.T0), quant(39, 9, 5, 1, 39, OdooRows.T0));
        List<Alert> alerts = reports.alerts(vendor70);
        assertThat(alerts).extracting(Alert::kind, Alert::productId, Alert::lotName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.LOW_STOCK, 1L, null),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.LOW_STOCK, 4L, null),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.EXPIRED, 3L, "OLD"),
                org.assertj.core.groups.Tuple.tuple(Alert.Kind.NEAR_EXPIRY, 3L, "SOON"));
        assertThat(reports.alerts(vendor70, 200)).extracting(Alert::lotName).contains("LATER");
    }

    @Test
    void salesTopProductsAndCustomers() {
        apply("sale.order", order(1, 501, "2026-11-02 10:00:00", "sale", 100), order(2, 501, "2026-11-10 10:00:00", "sale", 50),
                order(3, 502, "2026-06-01 10:00:00", "sale", 30), order(4, 503, "2026-11-11 10:00:00", "draft", 999),
                order(5, 504, "2026-11-20 10:00:00", "sale", 20));
        apply("sale.order.line", line(1, 1, 1, 2, 20), line(2, 1, 2, 1, 5), line(3, 2, 1, 4, 40), line(4, 4, 1, 100, 1000),
                line(5, 5, 9, 7, 70), line(6, 3, 3, 1, 30));
        assertThat(reports.sales(SalesQuery.of(vendor70), Granularity.DAY, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .containsExactly(new SalesPeriod(LocalDate.of(2026, 11, 2), 3, 25, 2),
                        new SalesPeriod(LocalDate.of(2026, 11, 10), 4, 40, 1));
        assertThat(reports.sales(SalesQuery.of(vendor70), Granularity.WEEK, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .containsExactly(new SalesPeriod(LocalDate.of(2026, 11, 2), 3, 25, 2),
                        new SalesPeriod(LocalDate.of(2026, 11, 9), 4, 40, 1));
        assertThat(reports.sales(SalesQuery.of(vendor70), Granularity.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .containsExactly(new SalesPeriod(LocalDate.of(2026, 6, 1), 1, 30, 1),
                        new SalesPeriod(LocalDate.of(2026, 11, 1), 7, 65, 3));
        assertThat(reports.topProducts(SalesQuery.of(vendor70), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 2))
                .containsExactly(new TopProduct("shop", 1, "P1", 6, 60, 2), new TopProduct("shop", 3, "P3", 1, 30, 1));

        List<CustomerActivity> customers = reports.customerActivity("shop");
        assertThat(customers).extracting(CustomerActivity::partnerId, CustomerActivity::orders, CustomerActivity::segment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(504L, 1L, CustomerActivity.Segment.NEW),
                        org.assertj.core.groups.Tuple.tuple(501L, 2L, CustomerActivity.Segment.NEW),
                        org.assertj.core.groups.Tuple.tuple(502L, 1L, CustomerActivity.Segment.LAPSED));
        assertThat(customers.get(1).total()).isEqualTo(150);
    }

    private static OdooRecord order(long id, long partner, String date, String state, double total) {
        return row(id).with("name", "S" + id).m2o("partner_id", partner, "Customer " + partner).with("date_order", date)
                .with("state", state).with("amount_total", total).build();
    }

    private static OdooRecord line(long id, long order, long product, double qty, double subtotal) {
        return row(id).m2o("order_id", order, "S" + order).m2o("product_id", product, "P" + product)
                .with("product_uom_qty", qty).with("price_subtotal", subtotal).build();
    }
}
