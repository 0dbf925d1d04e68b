package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a read model on the embedded store creates its indexes; the non-unique ones, which the embedded server
 * does not build, are noted at debug level only, so a clean run prints nothing (the test logger, slf4j-simple,
 * writes INFO and above to System.err).
 */
class EmbeddedStoreLoggingTest {
    @TempDir
    Path dir;

    @Test
    void openingTheEmbeddedStoresPrintsNoIndexWarnings() {
        String memory = stderrOf(() -> {
            try (ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().build())) {
                assertThat(model).isNotNull();
            }
        });
        String file = stderrOf(() -> {
            try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
                assertThat(model).isNotNull();
            }
        });
        for (String printed : new String[] {memory, file}) {
            assertThat(printed).contains("created collection") // the capture works: the store's INFO lines are there
                    .doesNotContain("secondary index").doesNotContain("WARN de.bwaldvogel.mongo.backend");
        }
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
