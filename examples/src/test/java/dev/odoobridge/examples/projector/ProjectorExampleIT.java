package dev.odoobridge.examples.projector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.FakeOdooTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FakeOdooTest(products = 5)
class ProjectorExampleIT {

    @Test
    void fullThenIncrementalSyncKeepsTheStockViewEqualToOdoo(OdooClient odoo, FakeOdoo fake, @TempDir Path dir) {
        long stockLocation = fake.data().orElseThrow().stockLocationIds().get(0);
        OdooRecord quant = odoo.model("stock.quant").searchRead(Domains.and(Domains.eq("location_id", stockLocation),
                        Domains.gt("quantity", 0)), List.of("product_id", "quantity"),
                SearchOptions.DEFAULT.order("id asc").limit(1)).get(0);
        long product = quant.getRef("product_id").id();
        try (ProjectorExample service = new ProjectorExample(odoo, dir.resolve("state"))) {
            SyncReport full = service.fullSync();
            assertThat(full.outcome()).isEqualTo(Outcome.OK);
            double before = service.stock(product).map(ProductStock::onHand).orElseThrow();
            assertThat(before).isEqualTo(odoo.model("product.product").read(List.of(product), List.of("qty_available"))
                    .get(0).getDouble("qty_available"));

            odoo.model("stock.quant").write(List.of(quant.id()), Map.of("quantity", quant.getDouble("quantity") + 7));
            SyncReport incremental = service.incrementalSync();

            assertThat(incremental.outcome()).isEqualTo(Outcome.OK);
            assertThat(incremental.get(ProjectorExample.SOURCE, "stock.quant").orElseThrow().counts().read())
                    .isGreaterThanOrEqualTo(1);
            assertThat(service.stock(product).orElseThrow().onHand()).isEqualTo(before + 7);
        }
    }
}
