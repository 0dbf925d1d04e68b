package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.move;
import static dev.odoobridge.readmodel.OdooRows.product;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.row;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.DailyStock;
import dev.odoobridge.readmodel.report.ProductTrend;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.readmodel.stock.LotStock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal's queries: lots in stock of a scope, one product's daily history, forecasts from rows already read. */
class TrendReportsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory()
            .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(10)).build(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Reports reports = model.reports();
    private final VendorScope vendor70 = VendorScope.of("shop", List.of(70L));

    @AfterEach
    void close() {
        model.close();
    }

    private void apply(String m, OdooRecord... records) {
        model.projector().apply("shop", m, List.of(records), NOW);
    }

    /**
     * Locations: 5 and 6 internal, 9 customers, 8 vendors, 7 inventory loss. Product 3 of vendor 70 with 20 on hand,
     * product 9 of vendor 71.
     */
    @BeforeEach
    void data() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1), location(6, "WH/Shelf", "internal", 1),
                location(9, "Customers", "customer", 0), location(8, "Vendors", "supplier", 0),
                location(7, "Inventory loss", "inventory", 0));
        apply("product.product", product(3, "C"), product(9, "Other"));
        apply("product.supplierinfo", supplier(3, 70, 3, 3), supplier(9, 71, 9, 9));
        apply("stock.quant", quant(3, 3, 5, 20), quant(9, 9, 5, 4));
    }

    @Test
    void endOfDayOnHandIsReconstructedBackwardsFromTodaysMoves() {
        apply("stock.move",
                move(1, 3, 5, 9, 2, "done", "2026-11-21 09:00:00"),      // today: delivered 2
                move(2, 3, 8, 5, 10, "done", "2026-11-21 10:00:00"),     // today: received 10
                move(3, 3, 5, 9, 3, "done", "2026-11-20 15:00:00"),      // delivered 3
                move(4, 3, 5, 6, 4, "done", "2026-11-20 16:00:00"),      // internal to internal: no change
                move(5, 3, 5, 7, 1, "done", "2026-11-19 08:00:00"),      // inventory loss: shipped, not delivered
                move(6, 3, 9, 5, 2, "done", "2026-11-18 08:00:00"),      // customer return: received
                move(7, 3, 5, 9, 5, "assigned", "2026-11-18 09:00:00"),  // not done: ignored
                move(8, 3, 5, 9, 7, "done", "2026-11-16 23:59:59"),      // before the window
                move(9, 9, 5, 9, 6, "done", "2026-11-20 10:00:00"));     // another product
        ProductTrend t = reports.productTrend(vendor70, "shop", 3, 5).orElseThrow();
        assertThat(t.status().onHand()).isEqualTo(20);
        assertThat(t.status().status()).isEqualTo(StockStatus.HEALTHY);
        assertThat(t.days()).extracting(DailyStock::day, DailyStock::delivered, DailyStock::received, DailyStock::shipped,
                DailyStock::onHand).containsExactly(
                tuple(LocalDate.of(2026, 11, 17), 0.0, 0.0, 0.0, 14.0),
                tuple(LocalDate.of(2026, 11, 18), 0.0, 2.0, 0.0, 16.0),
                tuple(LocalDate.of(2026, 11, 19), 0.0, 0.0, 1.0, 15.0),
                tuple(LocalDate.of(2026, 11, 20), 3.0, 0.0, 3.0, 12.0),
                tuple(LocalDate.of(2026, 11, 21), 2.0, 10.0, 2.0, 20.0));
    }

    @Test
    void deliveriesFollowTheVelocityRule() {
        OdooRecord[] moves = new OdooRecord[30];
        for (int i = 0; i < 30; i++) {
            moves[i] = move(100 + i, 3, 5, i % 3 == 0 ? 7 : 9, 1 + i % 4, "done",
                    LocalDate.of(2026, 11, 21).minusDays(i) + " 09:00:00");
        }
        apply("stock.move", moves);
        var velocity = reports.salesVelocity(vendor70, 30).get(0).daily();
        List<DailyStock> days = reports.productTrend(vendor70, "shop", 3, 30).orElseThrow().days();
        assertThat(days).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(days.get(i).day()).isEqualTo(velocity.get(i).day());
            assertThat(days.get(i).delivered()).isEqualTo(velocity.get(i).quantity());
        }
    }

    @Test
    void productsOutsideTheScopeAreAbsent() {
        assertThat(reports.productTrend(vendor70, "shop", 9, 10)).isEmpty();
        assertThat(reports.productTrend(VendorScope.of("shop", List.of(71L)), "shop", 3, 10)).isEmpty();
        assertThat(reports.productTrend(vendor70, "other-shop", 3, 10)).isEmpty();
        assertThat(reports.productTrend(vendor70, "shop", 404, 10)).isEmpty();
        assertThat(reports.productTrend(VendorScope.of("shop", List.of(71L)), "shop", 9, 10)).isPresent();
        assertThatThrownBy(() -> reports.productTrend(vendor70, "shop", 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutMovesTheTrendIsFlatAtTodaysOnHand() {
        List<DailyStock> days = reports.productTrend(vendor70, "shop", 3, 120).orElseThrow().days();
        assertThat(days).hasSize(120).allSatisfy(d -> {
            assertThat(d.onHand()).isEqualTo(20);
            assertThat(d.delivered()).isZero();
        });
        assertThat(days.get(0).day()).isEqualTo(LocalDate.of(2026, 7, 25));
    }

    @Test
    void lotsInStockOfTheScopeOnlyEarliestExpiryFirst() {
        apply("stock.lot", row(31).with("name", "LATE").m2o("product_id", 3, "C").with("expiration_date", "2027-03-01 00:00:00").build(),
                row(32).with("name", "SOON").m2o("product_id", 3, "C").with("expiration_date", "2026-11-30 00:00:00").build(),
                row(33).with("name", "NONE").m2o("product_id", 3, "C").with("expiration_date", false).build(),
                row(34).with("name", "EMPTY").m2o("product_id", 3, "C").with("expiration_date", "2026-11-01 00:00:00").build(),
                row(39).with("name", "OTHER").m2o("product_id", 9, "Other").with("expiration_date", "2026-11-01 00:00:00").build());
        apply("stock.quant", quant(31, 3, 5, 2, 31, OdooRows.T0), quant(32, 3, 5, 3, 32, OdooRows.T0),
                quant(33, 3, 5, 4, 33, OdooRows.T0), quant(34, 3, 9, 5, 34, OdooRows.T0), quant(39, 9, 5, 1, 39, OdooRows.T0));
        assertThat(reports.lotsInStock(vendor70)).extracting(LotStock::name, LotStock::quantity)
                .containsExactly(tuple("SOON", 3.0), tuple("LATE", 2.0), tuple("NONE", 4.0));
        assertThat(reports.productTrend(vendor70, "shop", 3, 5).orElseThrow().lots()).extracting(LotStock::name)
                .containsExactly("SOON", "LATE", "NONE");
        assertThat(reports.lotsInStock(VendorScope.of("shop", List.of(71L)))).extracting(LotStock::name).containsExactly("OTHER");
    }

    @Test
    void forecastFromRowsAlreadyReadEqualsTheForecastQuery() {
        OdooRecord[] moves = new OdooRecord[20];
        for (int i = 0; i < 20; i++) {
            moves[i] = move(200 + i, i % 2 == 0 ? 3 : 9, 5, 9, 1 + i % 3, "done", LocalDate.of(2026, 11, 21).minusDays(i) + " 09:00:00");
        }
        apply("stock.move", moves);
        VendorScope both = vendor70.and("shop", List.of(71L));
        assertThat(reports.forecast(reports.stockStatus(both), reports.salesVelocity(both, 28), 28))
                .isEqualTo(reports.forecast(both, 28));
        assertThatThrownBy(() -> reports.forecast(reports.stockStatus(both), reports.salesVelocity(both, 28), 30))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
