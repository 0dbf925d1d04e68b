package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.row;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Storable products the same way on Odoo 17.0 ({@code detailed_type}) and 18.0 / 19.0 ({@code is_storable}). */
class StorableProductsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory()
            .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(10)).build(), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        model.close();
    }

    private void apply(String source, String m, OdooRecord... records) {
        model.projector().apply(source, m, List.of(records), NOW);
    }

    private static OdooRecord product17(long id, String detailedType) {
        return row(id).with("name", "P" + id).m2o("product_tmpl_id", id, "P" + id).with("active", true)
                .with("type", detailedType).with("detailed_type", detailedType).build();
    }

    private static OdooRecord product19(long id, boolean storable) {
        return row(id).with("name", "P" + id).m2o("product_tmpl_id", id, "P" + id).with("active", true)
                .with("type", "consu").with("is_storable", storable).build();
    }

    @Test
    void theMarkerIsDerivedFromEachVersionsOwnFields() {
        assertThat(StorableProducts.storable(Map.of("detailed_type", "product", "type", "product"))).isTrue();
        assertThat(StorableProducts.storable(Map.of("detailed_type", "consu", "type", "consu"))).isFalse();
        assertThat(StorableProducts.storable(Map.of("type", "consu", "is_storable", true))).isTrue();
        assertThat(StorableProducts.storable(Map.of("type", "consu", "is_storable", false))).isFalse();
        assertThat(StorableProducts.storable(Map.of("type", "product"))).isTrue();
        assertThat(StorableProducts.storable(Map.of("name", "x"))).isNull();
    }

    @Test
    void documentsKeepOdoosFieldsAndCarryTheDerivedMarker() {
        apply("v17", "product.product", product17(1, "product"), product17(2, "consu"));
        apply("v19", "product.product", product19(1, true), product19(2, false));
        assertThat(model.projector().find("v17", "product.product", 1).orElseThrow())
                .containsEntry("detailed_type", "product").containsEntry("storable", true);
        assertThat(model.projector().find("v17", "product.product", 2).orElseThrow()).containsEntry("storable", false);
        assertThat(model.projector().find("v19", "product.product", 1).orElseThrow())
                .containsEntry("is_storable", true).containsEntry("storable", true);
        assertThat(model.projector().find("v19", "product.product", 2).orElseThrow()).containsEntry("storable", false);
    }

    @Test
    void stockReportsLeaveOutProductsThatKeepNoStockOnEveryVersion() {
        for (String source : List.of("v17", "v19")) {
            apply(source, "stock.location", location(5, "WH/Stock", "internal", 1));
            apply(source, "product.product", source.equals("v17") ? product17(1, "product") : product19(1, true),
                    source.equals("v17") ? product17(2, "consu") : product19(2, false));
            apply(source, "product.supplierinfo", supplier(1, 70, 1, 1), supplier(2, 70, 2, 2));
            apply(source, "stock.quant", quant(1, 1, 5, 3));
            assertThat(model.reports().stockStatus(VendorScope.of(source, List.of(70L))))
                    .extracting(StockStatusRow::productId).as(source).containsExactly(1L);
        }
    }

    @Test
    void typesReportedByTheServerDecideTheMapping() {
        // a custom boolean the built-in catalog does not know: False is false, not null, once the server typed it
        model.projector().fieldTypes("shop", "product.product", Map.of("x_featured", "boolean"));
        apply("shop", "product.product", row(1).with("name", "A").with("x_featured", Boolean.FALSE).build());
        apply("other", "product.product", row(1).with("name", "A").with("x_featured", Boolean.FALSE).build());
        assertThat(model.projector().find("shop", "product.product", 1).orElseThrow()).containsEntry("x_featured", false);
        assertThat(model.projector().find("other", "product.product", 1).orElseThrow().get("x_featured")).isNull();
    }
}
