package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes write one read-model database (the embedded store served on a port, each writer with the
 * conditional-filter guard, registrations in {@code _inflight}) while this process keeps taking the safe sequence
 * and reading everything up to it: no change at or below a safe value appears later, no two changes share a sequence.
 */
class ConcurrentWriterProcessesIT {
    private static final int WRITERS = 3;

    @TempDir
    Path dir;

    @Test
    void writerProcessesNeverPassTheSafeSequence() throws Exception {
        try (EmbeddedStore store = ReadModels.serve(dir);
             ReadModel model = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString()).build());
             ChangeWatcher watcher = new ChangeWatcher(model.changes(), store.connectionString(), "odoo_bridge",
                     List.of("product_product", "stock_quant", "product_stock"))) {
            model.projector().apply("shop", "stock.location", List.of(OdooRows.location(5, "WH/Stock", "internal", 1)),
                    Instant.now());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                        ChangeWriterMain.class.getName(), store.connectionString(), String.valueOf(w))
                        .redirectErrorStream(true).start());
            }
            while (writers.stream().anyMatch(Process::isAlive)) {
                watcher.check();
            }
            for (Process p : writers) {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(out).as("writer output").contains("DONE");
                assertThat(p.exitValue()).as("writer exit, output:%n%s", out).isZero();
            }
            watcher.check();
            assertThat(watcher.checks()).isGreaterThan(2);
            assertThat(watcher.entriesSeen()).isGreaterThan(40);
            assertThat(watcher.lastSafe()).isEqualTo(model.changes().safeSequence());
        }
    }
}
