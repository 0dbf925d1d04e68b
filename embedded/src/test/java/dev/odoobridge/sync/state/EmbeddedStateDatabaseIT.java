package dev.odoobridge.sync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStateDatabaseIT {

    @Test
    void dataSurvivesARestartAndASecondOpenMeanwhileUsesTheRunningServer(@TempDir Path dir) {
        Instant wd = Instant.parse("2026-11-21T19:35:13Z");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (StateDatabase db = StateDatabase.embedded(dir)) {
            assertThat(db.describe()).startsWith("jdbc:postgresql://");
            db.stateStore().saveCheckpoint(new Checkpoint("shop", "product.product", wd, 9, now));
            try (StateDatabase second = StateDatabase.embedded(dir)) {
                assertThat(second.describe()).isEqualTo(db.describe());
                assertThat(second.stateStore().checkpoint("shop", "product.product"))
                        .contains(new Checkpoint("shop", "product.product", wd, 9, now));
            }
            assertThat(db.stateStore().checkpoint("shop", "product.product")).as("closing the second left the server running")
                    .isPresent();
        }
        try (StateDatabase db = StateDatabase.embedded(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(latestMigration());
            assertThat(db.stateStore().checkpoint("shop", "product.product"))
                    .contains(new Checkpoint("shop", "product.product", wd, 9, now));
        }
    }

    @Test
    void busyPortIsReportedClearly(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> StateDatabase.embedded(dir, taken.getLocalPort()))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("choose another port, or 0 for any free port");
        }
    }

    @Test
    void fileInsteadOfDirectoryIsReportedClearly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("state"), "not a directory");
        assertThatThrownBy(() -> StateDatabase.embedded(file))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a file, not a directory");
    }

    /** The highest version listed in sync-engine's {@code db/migration/migrations.txt} (the schema after a start). */
    private static int latestMigration() {
        try (InputStream in = StateDatabase.class.getClassLoader().getResourceAsStream("db/migration/migrations.txt")) {
            assertThat(in).as("db/migration/migrations.txt on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("V"))
                    .mapToInt(l -> Integer.parseInt(l.substring(1, l.indexOf("__"))))
                    .max().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
