package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.move;
import static dev.odoobridge.readmodel.OdooRows.product;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.ReportScope;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SourceScope;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stock reports over a whole source: products with and without vendors, never another source's. */
class SourceScopeReportsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory()
            .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(10).withNearExpiryDays(15)).build(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Reports reports = model.reports();

    @AfterEach
    void close() {
        model.close();
    }

    private void apply(String source, String m, OdooRecord... records) {
        model.projector().apply(source, m, List.of(records), NOW);
    }

    /** In "shop": product 1 of vendor 70 (on hand 5), product 2 without vendor (on hand 3); in "other": product 1. */
    @BeforeEach
    void data() {
        for (String source : List.of("shop", "other")) {
            apply(source, "stock.location", location(5, "WH/Stock", "internal", 1), location(9, "Customers", "customer", 0));
        }
        apply("shop", "product.product", product(1, "Vendored"), product(2, "No vendor"));
        apply("shop", "product.supplierinfo", supplier(1, 70, 1, 1));
        apply("shop", "stock.quant", quant(1, 1, 5, 5), quant(2, 2, 5, 3));
        apply("shop", "stock.move", move(1, 2, 5, 9, 4, "done", "2026-11-20 10:00:00"),
                move(2, 1, 5, 9, 1, "done", "2026-11-20 10:00:00"));
        apply("other", "product.product", product(1, "Elsewhere"));
        apply("other", "stock.quant", quant(1, 1, 5, 1));
    }

    @Test
    void shopScopeSeesProductsWithoutVendors() {
        ReportScope shop = SourceScope.of("shop");
        assertThat(reports.stockStatus(shop)).extracting(StockStatusRow::source, StockStatusRow::productId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop", 1L), org.assertj.core.groups.Tuple.tuple("shop", 2L));
        assertThat(reports.salesVelocity(shop, 30)).extracting(ProductVelocity::productId).containsExactly(1L, 2L);
        assertThat(reports.forecast(shop, 30)).extracting(ProductForecast::productId).containsExactly(1L, 2L);
        assertThat(reports.alerts(shop)).filteredOn(a -> a.kind() == Alert.Kind.LOW_STOCK)
                .extracting(Alert::productId).containsExactly(1L, 2L);
        assertThat(reports.alerts(shop, 0)).extracting(Alert::source).containsOnly("shop");
    }

    @Test
    void vendorScopeStillSeesOnlyItsProducts() {
        VendorScope vendor = VendorScope.of("shop", List.of(70L));
        assertThat(reports.stockStatus(vendor)).extracting(StockStatusRow::productId).containsExactly(1L);
        assertThat(reports.stockStatus((ReportScope) vendor)).extracting(StockStatusRow::productId).containsExactly(1L);
        assertThat(reports.salesVelocity(vendor, 30)).extracting(ProductVelocity::productId).containsExactly(1L);
        assertThat(reports.alerts(vendor)).extracting(Alert::productId).containsExactly(1L);
    }

    @Test
    void severalSourcesAndNoEmptyScope() {
        assertThat(reports.stockStatus(SourceScope.of(List.of("shop", "other")))).extracting(StockStatusRow::source)
                .containsExactly("other", "shop", "shop");
        assertThatThrownBy(() -> new SourceScope(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceScope.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.stockStatus((ReportScope) null)).isInstanceOf(NullPointerException.class);
    }
}
