package dev.odoobridge.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.meta.ModelDefinitions;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.sync.schema.Feature;
import dev.odoobridge.sync.schema.FeatureState;
import dev.odoobridge.sync.schema.ModelSchema;
import dev.odoobridge.sync.schema.SchemaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The schema logic on the complete fields_get answers of real Odoo 17.0, 18.0 and 19.0 servers. */
class SchemaResolverTest {
    /** The models `odoo-bridge` syncs by default. */
    static final List<String> DEFAULT_MODELS = List.of("res.partner", "product.category", "product.template",
            "product.product", "product.supplierinfo", "stock.warehouse", "stock.location", "stock.lot", "stock.quant",
            "stock.move", "stock.warehouse.orderpoint", "sale.order", "sale.order.line", "purchase.order",
            "purchase.order.line");

    static ModelDefinition dump(String version, String model) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("../odoo-recordings/fields_get", version, model + ".json"))) {
            return ModelDefinitions.fromJson(model, in);
        }
    }

    static Map<String, ModelSchema> resolveAll(String version) throws IOException {
        Map<String, ModelSchema> out = new LinkedHashMap<>();
        for (String model : DEFAULT_MODELS) {
            out.put(model, SchemaResolver.resolve("shop", version, Projections.of(model), dump(version, model)));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void everyDefaultModelIsReadableAndReadsOnlyFieldsTheServerHas(String version) throws IOException {
        for (ModelSchema m : resolveAll(version).values()) {
            ModelDefinition server = dump(version, m.model());
            assertThat(server.fields().keySet()).as("%s %s", version, m.model()).containsAll(m.readFields());
            assertThat(m.readFields()).startsWith("id", "write_date");
            m.types().forEach((field, type) -> assertThat(server.fields().get(field).type()).isEqualTo(type));
            assertThat(m.fingerprint()).hasSize(16);
        }
    }

    @Test
    void storableProductsAreReadByDetailedTypeOn17AndIsStorableLater() throws IOException {
        for (String model : List.of("product.product", "product.template")) {
            ModelSchema v17 = resolveAll("17.0").get(model);
            assertThat(v17.readFields()).contains("detailed_type", "type").doesNotContain("is_storable");
            assertThat(v17.notOnServer()).contains("is_storable");
            for (String later : List.of("18.0", "19.0")) {
                ModelSchema m = resolveAll(later).get(model);
                assertThat(m.readFields()).contains("is_storable", "type").doesNotContain("detailed_type");
            }
        }
    }

    @Test
    void featureFieldsFollowVersionAndModules() throws IOException {
        Map<String, ModelSchema> v19 = resolveAll("19.0");
        assertThat(v19.get("stock.warehouse.orderpoint").readFields()).doesNotContain("qty_multiple");
        assertThat(v19.get("stock.lot").readFields()).doesNotContain("expiration_date");
        List<FeatureState> features19 = SchemaResolver.features(v19, Set.copyOf(DEFAULT_MODELS));
        assertThat(features19).extracting(FeatureState::describe).containsExactly(
                "near-expiry alerts: off — install product_expiry",
                "reordering quantity multiples: off — this Odoo has no qty_multiple on reordering rules (removed in 19.0)");

        for (String version : List.of("17.0", "18.0")) { // recorded with product_expiry
            Map<String, ModelSchema> all = resolveAll(version);
            assertThat(all.get("stock.lot").readFields()).contains("expiration_date");
            assertThat(all.get("stock.warehouse.orderpoint").readFields()).contains("qty_multiple");
            assertThat(SchemaResolver.features(all, Set.copyOf(DEFAULT_MODELS))).allMatch(FeatureState::on);
        }
    }

    @Test
    void aFeatureIsOffWhenItsModelIsNotSynced() throws IOException {
        Map<String, ModelSchema> v18 = resolveAll("18.0");
        v18.remove("stock.lot");
        assertThat(SchemaResolver.features(v18, Set.of("stock.warehouse.orderpoint")))
                .filteredOn(f -> f.feature() == Feature.LOT_EXPIRY).singleElement()
                .satisfies(f -> assertThat(f.describe()).isEqualTo("near-expiry alerts: off — stock.lot is not synced"));
    }

    @Test
    void serverTypesReplaceTheBuiltInGuess() throws IOException {
        Map<String, ModelSchema> v19 = resolveAll("19.0");
        assertThat(v19.get("sale.order").types()).containsEntry("amount_total", "monetary");
        assertThat(v19.get("sale.order.line").types()).containsEntry("name", "text")
                .containsEntry("price_subtotal", "monetary");
    }

    @Test
    void aConfiguredFieldTheServerLacksIsAConfigurationErrorNamingFieldAndModel() throws IOException {
        Projection p = Projections.of("product.product").withExtraFields(List.of("x_threshold", "barcode"));
        assertThatThrownBy(() -> SchemaResolver.resolve("shop", "19.0", p, dump("19.0", "product.product")))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchemaException.Kind.UNKNOWN_CONFIGURED_FIELD);
                    assertThat(e.fields()).containsExactly("x_threshold");
                    assertThat(e.getMessage()).contains("x_threshold", "product.product", "sync.extra-fields");
                });
    }

    @Test
    void aMissingFieldTheSyncNeedsNamesTheModuleToInstall() throws IOException {
        ModelDefinition full = dump("18.0", "product.product");
        Map<String, Object> withoutStock = new LinkedHashMap<>();
        full.fields().forEach((name, f) -> {
            if (!name.equals("is_storable")) {
                withoutStock.put(name, f.attributes());
            }
        });
        ModelDefinition productOnly = ModelDefinition.fromFieldsGet("product.product", withoutStock);
        assertThatThrownBy(() -> SchemaResolver.resolve("shop", "18.0", Projections.of("product.product"), productOnly))
                .isInstanceOfSatisfying(SchemaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchemaException.Kind.MISSING_MODULE);
                    assertThat(e.getMessage()).contains("is_storable", "detailed_type", "install the Odoo module stock");
                });
    }

    @Test
    void theFingerprintChangesWithTheVersionAndTheFields() throws IOException {
        ModelDefinition lot18 = dump("18.0", "stock.lot");
        ModelDefinition lot19 = dump("19.0", "stock.lot");
        assertThat(SchemaResolver.fingerprint("18.0", lot18)).isEqualTo(SchemaResolver.fingerprint("18.0", lot18))
                .isNotEqualTo(SchemaResolver.fingerprint("18.0", lot19))
                .isNotEqualTo(SchemaResolver.fingerprint("18.1", lot18));
    }
}
