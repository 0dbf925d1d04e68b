package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.schema.Feature;
import dev.odoobridge.sync.schema.FeatureState;
import dev.odoobridge.sync.schema.SourceSchema;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default models against FakeOdoo playing Odoo 17.0, 18.0 and 19.0 with and without
 * product_expiry: every model syncs, only fields the server has are read, and the features follow the
 * server's schema.
 */
class ServerSchemaIT {
    static final List<String> DEFAULT_MODELS = List.of("res.partner", "product.category", "product.template",
            "product.product", "product.supplierinfo", "stock.warehouse", "stock.location", "stock.lot", "stock.quant",
            "stock.move", "stock.warehouse.orderpoint", "sale.order", "sale.order.line", "purchase.order",
            "purchase.order.line");

    @ParameterizedTest(name = "Odoo {0} {1}")
    @CsvSource({"17.0, default", "17.0, without product_expiry", "18.0, default", "19.0, default",
        "19.0, with product_expiry"})
    void everyDefaultModelSyncsAndTheFeaturesFollowTheServer(String version, String modules) throws Exception {
        FakeOdoo.Builder b = FakeOdoo.builder().version(version).products(40).seed(17);
        if (modules.startsWith("without")) {
            b.without("product_expiry");
        } else if (modules.startsWith("with ")) {
            b.modules("product_expiry");
        }
        List<Projection> projections = DEFAULT_MODELS.stream().map(Projections::of).toList();
        try (FakeOdoo fake = b.build().start();
             OdooClient odoo = fake.client(version.equals("19.0") ? Transport.JSON2 : Transport.XMLRPC);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            SyncEngine engine = SyncEngine.builder().source("shop", odoo).projector(readModel.projector())
                    .stateStore(state.stateStore()).projections(projections).pageSize(200).parallelism(2)
                    .lease("schema-it", Duration.ofMinutes(1)).listener(SyncListener.NONE).build();

            SyncReport report = engine.run(SyncRequest.full());

            assertThat(report.models()).hasSize(DEFAULT_MODELS.size()).allSatisfy(m -> assertThat(m.outcome())
                    .as("%s on Odoo %s (%s): %s", m.model(), version, modules, m.message()).isEqualTo(Outcome.OK));
            SourceSchema schema = engine.schema("shop");
            assertThat(schema.serverVersion()).isEqualTo(version);
            assertThat(schema.problems()).isEmpty();
            Set<String> lotFields = odoo.model("stock.lot").fieldsGet().fields().keySet();
            Set<String> orderpointFields = odoo.model("stock.warehouse.orderpoint").fieldsGet().fields().keySet();
            assertThat(state(schema, Feature.LOT_EXPIRY).on()).isEqualTo(lotFields.contains("expiration_date"));
            assertThat(state(schema, Feature.REORDER_MULTIPLE).on()).isEqualTo(orderpointFields.contains("qty_multiple"));
            for (String model : DEFAULT_MODELS) {
                Set<String> onServer = odoo.model(model).fieldsGet().fields().keySet();
                assertThat(onServer).as("fields read of %s", model).containsAll(schema.model(model).readFields());
            }

            // storable products are told apart the same way on every version, and stock reports use it
            Map<String, Object> product = readModel.projector().find("shop", "product.product",
                    readModel.projector().ids("shop", "product.product", 0, Long.MAX_VALUE).first()).orElseThrow();
            assertThat(product).containsKey("storable");
            long vendor = fake.data().orElseThrow().demoVendorId();
            assertThat(readModel.reports().stockStatus(VendorScope.of("shop", List.of(vendor)))).isNotEmpty();
        }
    }

    /**
     * What a real server of that version and those modules offers (odoo-recordings/fields_get), which FakeOdoo
     * plays.
     */
    @ParameterizedTest(name = "Odoo {0} {1}")
    @CsvSource({"17.0, default", "17.0, without product_expiry", "18.0, default", "19.0, default",
        "19.0, with product_expiry"})
    void theFeaturesAreThoseOfTheRecordedRelease(String version, String modules) throws Exception {
        FakeOdoo.Builder b = FakeOdoo.builder().version(version);
        if (modules.startsWith("without")) {
            b.without("product_expiry");
        } else if (modules.startsWith("with ")) {
            b.modules("product_expiry");
        }
        List<Projection> projections = DEFAULT_MODELS.stream().map(Projections::of).toList();
        try (FakeOdoo fake = b.build().start();
             OdooClient odoo = fake.client(version.equals("19.0") ? Transport.JSON2 : Transport.XMLRPC);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            Set<String> orderpointFields = odoo.model("stock.warehouse.orderpoint").fieldsGet().fields().keySet();
            assertThat(orderpointFields).as("FakeOdoo plays the recorded schema of " + version)
                    .isEqualTo(recordedFields(version, "stock.warehouse.orderpoint"));
            SyncEngine engine = SyncEngine.builder().source("shop", odoo).projector(readModel.projector())
                    .stateStore(state.stateStore()).projections(projections)
                    .lease("schema-it", Duration.ofMinutes(1)).build();
            SourceSchema schema = engine.schema("shop");
            boolean expiry = modules.startsWith("with ") || (!version.equals("19.0") && !modules.startsWith("without"));
            assertThat(state(schema, Feature.LOT_EXPIRY).describe()).isEqualTo(expiry ? "near-expiry alerts: on"
                    : "near-expiry alerts: off — install product_expiry");
            assertThat(state(schema, Feature.REORDER_MULTIPLE).on()).isEqualTo(!version.equals("19.0"));
            assertThat(schema.model("product.product").readFields())
                    .contains(version.equals("17.0") ? "detailed_type" : "is_storable");
        }
    }

    /** The fields a real server of that version has (odoo-recordings/fields_get). */
    private static Set<String> recordedFields(String version, String model) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("../odoo-recordings/fields_get", version, model + ".json"))) {
            return dev.odoobridge.client.meta.ModelDefinitions.fromJson(model, in).fields().keySet();
        }
    }

    private static FeatureState state(SourceSchema schema, Feature feature) {
        return schema.feature(feature).orElseThrow();
    }
}
