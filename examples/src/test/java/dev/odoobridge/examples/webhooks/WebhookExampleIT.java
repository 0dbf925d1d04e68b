package dev.odoobridge.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.FakeOdooTest;
import dev.odoobridge.testkit.WebhookTrigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FakeOdooTest(products = 10)
class WebhookExampleIT {

    @Test
    void aProductCreatedInOdooArrivesInTheReadModelThroughTheWebhook(OdooClient odoo, FakeOdoo fake, @TempDir Path dir)
            throws InterruptedException {
        try (StateDatabase state = StateDatabase.embedded(dir.resolve("state"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().inMemory()
                     .projections(Projections.retail()).build());
             WebhookExample webhooks = new WebhookExample(state, readModel, "shop", odoo, "example-token-0123456789",
                     "127.0.0.1", 0)) {
            fake.webhooks().add("product.product", WebhookTrigger.CREATE_OR_WRITE, webhooks.url("127.0.0.1"));

            long template = odoo.model("product.template").create(Map.of("name", "Webhook Example Tea", "is_storable", true));
            long product = odoo.model("product.template").read(List.of(template), List.of("product_variant_ids")).get(0)
                    .getIds("product_variant_ids").get(0);

            Optional<ProductStock> arrived = Optional.empty();
            for (int i = 0; i < 300 && arrived.isEmpty(); i++) {
                arrived = readModel.stock().product("shop", product).filter(s -> s.name() != null);
                if (arrived.isEmpty()) {
                    Thread.sleep(50);
                }
            }
            assertThat(arrived).as("the product reached the read model").isPresent();
            assertThat(arrived.get().name()).contains("Webhook Example Tea");
        }
    }
}
