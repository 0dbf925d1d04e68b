package dev.odoobridge.sync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process owning the embedded server is killed (SIGKILL, no shutdown hooks): its PostgreSQL
 * keeps running. The next start on the same directory stops that orphan and finds the data.
 */
class KilledOwnerIT {

    @Test
    void nextStartRecoversFromAKilledOwner(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledOwnerMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while (!ready && (line = out.readLine()) != null) {
                ready = line.equals("READY");
            }
            assertThat(ready).as("child started its database").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (StateDatabase db = StateDatabase.embedded(dir)) {
            assertThat(db.stateStore().checkpoint("shop", "stock.quant")).hasValueSatisfying(cp ->
                    assertThat(cp.lastId()).isEqualTo(48));
        }
    }
}
