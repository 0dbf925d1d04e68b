package dev.odoobridge.examples.typed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.codegen.CodeGenerator;
import dev.odoobridge.client.codegen.GeneratedFile;
import dev.odoobridge.client.meta.ModelDefinitions;
import dev.odoobridge.testkit.FakeOdooTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@FakeOdooTest(products = 15)
class TypedModelsExampleIT {
    private static final List<String> MODELS = List.of("product.product", "res.partner", "sale.order");

    @Test
    void readsAndWritesGeneratedRecordsAgainstFakeOdoo(OdooClient odoo) {
        String log = TypedModelsExample.run(odoo);
        assertThat(log).containsPattern("product \\S+ .+ at \\d+\\.\\d+ in ")
                .containsPattern("vendor .+ <.+@.+>")
                .containsPattern("latest confirmed order \\S+ for .+ on \\d{4}-\\d\\d-\\d\\dT.+Z, state SALE, \\d+ line\\(s\\)")
                .containsPattern("created \\d+ .+ \\(copy\\) at 1\\.0")
                .contains("products named like the copy after deleting it: 0");
    }

    @Test
    void committedSourcesEqualAFreshGenerationFromTheSavedMetadata() throws Exception {
        List<GeneratedFile> fresh = new CodeGenerator("dev.odoobridge.examples.typed.model")
                .generate(ModelDefinitions.fromDirectory(Path.of("odoo-models"), MODELS));
        assertThat(fresh).hasSize(3);
        for (GeneratedFile f : fresh) {
            assertThat(Files.readString(Path.of("src/main/java").resolve(f.relativePath())))
                    .as(f.relativePath() + " is stale: regenerate it").isEqualTo(f.source());
        }
    }

    @Test
    void theSavedMetadataMatchesFakeOdoosFieldsGet(OdooClient odoo) throws Exception {
        for (var live : ModelDefinitions.fromServer(odoo, MODELS)) {
            var saved = ModelDefinitions.fromDirectory(Path.of("odoo-models"), List.of(live.model())).get(0);
            assertThat(saved.fields().keySet()).as(live.model()).isEqualTo(live.fields().keySet());
        }
    }
}
