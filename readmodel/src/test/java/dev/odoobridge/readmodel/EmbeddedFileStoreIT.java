package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFileStoreIT {
    @TempDir
    Path dir;

    @Test
    void documentsAndViewsSurviveARestart() {
        ReadModelConfig config = ReadModelConfig.builder().dataDirectory(dir).build();
        try (ReadModel model = ReadModels.open(config)) {
            assertThat(model.describe()).contains("embedded").contains(dir.toString());
            model.projector().apply("shop", "product.product", List.of(OdooRows.product(1, "Apple")), Instant.now());
        }
        try (ReadModel model = ReadModels.open(config)) {
            assertThat(model.projector().find("shop", "product.product", 1)).get()
                    .satisfies(d -> assertThat(d).containsEntry("name", "Apple"));
            assertThat(model.stock().product("shop", 1)).isPresent();
        }
    }

    @Test
    void servedStoreIsUsedByConnectionStringAndKeepsWhatWasWritten() {
        try (EmbeddedStore store = ReadModels.serve(dir)) {
            assertThat(store.connectionString()).startsWith("mongodb://");
            ReadModelConfig remote = ReadModelConfig.builder().connectionString(store.connectionString())
                    .guardStrategy(GuardStrategy.READ_THEN_WRITE).build();
            try (ReadModel model = ReadModels.open(remote)) {
                model.projector().apply("shop", "product.product", List.of(OdooRows.product(7, "Pear")), Instant.now());
            }
            assertThatThrownBy(() -> ReadModels.serve(dir)).as("the file is in use")
                    .isInstanceOf(ReadModelException.class).hasMessageContaining("another process");
        }
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            assertThat(model.projector().find("shop", "product.product", 7)).get()
                    .satisfies(d -> assertThat(d).containsEntry("name", "Pear"));
        }
    }
}
