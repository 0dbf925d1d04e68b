package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.embedded.internal.EndpointFile;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.StateDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second process on the data directories of a running owner connects to the owner's embedded PostgreSQL and
 * store (through the endpoint files the owner published) instead of failing on their locks; once the owner has
 * exited, endpoint files naming its dead pid are ignored and the next process runs the servers itself.
 */
class SharedDataDirectoryIT {

    @Test
    void aSecondProcessUsesTheOwnersServersAndAStaleEndpointIsIgnored(@TempDir Path dir) throws Exception {
        Path pg = dir.resolve("postgres");
        Path mongo = dir.resolve("mongo");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DataDirectoryOwnerMain.class.getName(), pg.toString(), mongo.toString()).redirectErrorStream(true).start();
        long ownerPid = owner.pid();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(awaitLine(out, "READY")).as("the owner started its servers").isTrue();
            assertThat(pg.resolve(EndpointFile.NAME)).exists();
            assertThat(mongo.resolve(EndpointFile.NAME)).exists();
            assertThat(EndpointFile.live(pg)).hasValueSatisfying(e -> assertThat(e.pid()).isEqualTo(ownerPid));

            try (StateDatabase state = StateDatabase.embedded(pg);
                 ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(mongo).build())) {
                assertThat(state.stateStore().checkpoint("owner", "product.product"))
                        .hasValueSatisfying(cp -> assertThat(cp.lastId()).isEqualTo(150));
                state.stateStore().saveCheckpoint(new Checkpoint("second", "res.partner",
                        Instant.parse("2026-11-22T08:00:00Z"), 7, Instant.parse("2026-11-22T08:00:01Z")));
                assertThat(readModel.projector().count("crash", "product.product", 0, Long.MAX_VALUE)).isEqualTo(150);
                assertThat(readModel.projector().find("crash", "product.product", 1)).isPresent();
            }
            assertThat(owner.isAlive()).as("closing the second process leaves the owner's servers running").isTrue();
            assertThat(EndpointFile.live(pg)).isPresent();
            assertThat(EndpointFile.live(mongo)).isPresent();

            owner.getOutputStream().close();
            assertThat(awaitLine(out, "CLOSED")).as("the owner closed its servers").isTrue();
            assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            owner.destroyForcibly();
        }
        assertThat(pg.resolve(EndpointFile.NAME)).as("removed on a clean exit").doesNotExist();
        assertThat(mongo.resolve(EndpointFile.NAME)).doesNotExist();

        // a process that was killed leaves its files behind: the same content, naming the dead owner
        String stale = "pid=" + ownerPid + "\nport=5432\naddress=jdbc:postgresql://localhost:5432/postgres\n";
        Files.writeString(pg.resolve(EndpointFile.NAME), stale);
        Files.writeString(mongo.resolve(EndpointFile.NAME), stale.replace("jdbc:postgresql", "mongodb"));
        assertThat(EndpointFile.live(pg)).isEmpty();
        try (StateDatabase state = StateDatabase.embedded(pg);
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(mongo).build())) {
            assertThat(EndpointFile.live(pg)).hasValueSatisfying(e -> assertThat(e.pid()).isEqualTo(ProcessHandle.current().pid()));
            assertThat(EndpointFile.live(mongo)).hasValueSatisfying(e -> assertThat(e.pid()).isEqualTo(ProcessHandle.current().pid()));
            assertThat(state.stateStore().checkpoint("owner", "product.product")).isPresent();
            assertThat(state.stateStore().checkpoint("second", "res.partner")).isPresent();
            assertThat(readModel.projector().count("crash", "product.product", 0, Long.MAX_VALUE)).isEqualTo(150);
        }
        assertThat(pg.resolve(EndpointFile.NAME)).doesNotExist();
    }

    private static boolean awaitLine(BufferedReader out, String wanted) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
