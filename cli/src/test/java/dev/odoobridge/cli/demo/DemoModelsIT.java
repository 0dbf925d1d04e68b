package dev.odoobridge.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.testkit.FakeOdoo;
import org.junit.jupiter.api.Test;

/** The demo syncs the unit-barcode model its server has, and its read model can hold either. */
class DemoModelsIT {
    @Test
    void theDemoSyncsTheUnitBarcodeModelItsServerHas() {
        try (FakeOdoo v19 = FakeOdoo.builder().version("19.0").products(2).build().start();
             FakeOdoo v17 = FakeOdoo.builder().version("17.0").products(2).build().start();
             OdooClient c19 = v19.adminClient();
             OdooClient c17 = v17.adminClient()) {
            assertThat(DemoRun.syncedProjections(c19)).extracting(Projection::model)
                    .contains("product.uom", "product.product").doesNotContain("product.packaging");
            assertThat(DemoRun.syncedProjections(c17)).extracting(Projection::model)
                    .contains("product.packaging").doesNotContain("product.uom");
        }
        assertThat(EmbeddedStores.readModelProjections()).extracting(Projection::model)
                .contains("product.packaging", "product.uom", "product.product");
    }
}
