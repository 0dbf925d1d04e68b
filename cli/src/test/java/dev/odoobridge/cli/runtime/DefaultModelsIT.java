package dev.odoobridge.cli.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.config.ConfigLoader;
import dev.odoobridge.cli.config.RetailModels;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.testkit.FakeOdoo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Without {@code sync.models}, the synced models are the retail ones plus the unit-barcode model each server's
 * {@code ir.model} names ({@code product.packaging} on 17.0 / 18.0, {@code product.uom} on 19.0); a listed
 * {@code sync.models} is taken as it is.
 */
class DefaultModelsIT {
    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

    private BridgeConfig config(String sources, String sync) {
        return loader.parse("sources:\n" + sources + "mongodb:\n  uri: mongodb://127.0.0.1:1\n" + sync, "test.yaml",
                Path.of("/tmp"));
    }

    private static String source(String name, FakeOdoo fake) {
        return "  " + name + ":\n    url: " + fake.url() + "\n    database: " + fake.database() + "\n    login: "
                + FakeOdoo.ADMIN + "\n    secret: " + FakeOdoo.ADMIN + "\n";
    }

    @Test
    void theServersModelsChooseTheUnitBarcodeModels() {
        try (FakeOdoo v17 = FakeOdoo.builder().version("17.0").products(2).build().start();
             FakeOdoo v19 = FakeOdoo.builder().version("19.0").products(2).build().start();
             OdooClient c17 = v17.adminClient();
             OdooClient c19 = v19.adminClient()) {
            assertThat(RetailModels.unitBarcodeModelsOn(c17)).containsExactly("product.packaging");
            assertThat(RetailModels.unitBarcodeModelsOn(c19)).containsExactly("product.uom");

            BridgeConfig on17 = config(source("shop", v17), "");
            assertThat(on17.sync().modelsListed()).isFalse();
            try (BridgeRuntime rt = new BridgeRuntime(on17)) {
                assertThat(rt.syncedModels()).containsAll(ConfigLoader.DEFAULT_MODELS).contains("product.packaging")
                        .doesNotContain("product.uom");
                assertThat(rt.projections()).extracting(Projection::model).contains("product.packaging");
            }
            try (BridgeRuntime rt = new BridgeRuntime(config(source("shop", v19), ""))) {
                assertThat(rt.syncedModels()).containsAll(ConfigLoader.DEFAULT_MODELS).contains("product.uom")
                        .doesNotContain("product.packaging");
            }
            // two sources of different versions: a model one lacks would fail its sync, so neither is added
            try (BridgeRuntime rt = new BridgeRuntime(config(source("a", v17) + source("b", v19), ""))) {
                assertThat(rt.syncedModels()).containsExactlyElementsOf(ConfigLoader.DEFAULT_MODELS);
            }
            // listed models are taken as listed, without asking Odoo
            BridgeConfig listed = config(source("shop", v19), "sync:\n  models: [product.product, stock.quant]\n");
            assertThat(listed.sync().modelsListed()).isTrue();
            try (BridgeRuntime rt = new BridgeRuntime(listed)) {
                assertThat(rt.syncedModels()).containsExactly("product.product", "stock.quant");
            }
        }
    }

    @Test
    void aServerThatCannotBeAskedAddsNone() {
        try (BridgeRuntime rt = new BridgeRuntime(config("  shop:\n    url: http://127.0.0.1:1\n    database: d\n"
                + "    login: l\n    secret: s\n    timeout: 2s\n", ""))) {
            assertThat(rt.syncedModels()).containsExactlyElementsOf(ConfigLoader.DEFAULT_MODELS);
        }
    }

    @Test
    void defaultsAddOnlyWhatEveryServerHas() {
        assertThat(RetailModels.defaults(List.of(Set.of("product.uom")))).endsWith("product.uom");
        assertThat(RetailModels.defaults(List.of(Set.of("product.uom"), Set.of("product.packaging"))))
                .isEqualTo(ConfigLoader.DEFAULT_MODELS);
        assertThat(RetailModels.defaults(List.of())).isEqualTo(ConfigLoader.DEFAULT_MODELS);
    }
}
