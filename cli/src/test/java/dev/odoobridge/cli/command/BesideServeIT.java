package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.OdooBridgeCli;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WebhookTrigger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webhook serve} runs in its own JVM on the embedded PostgreSQL and store of a data directory; the other
 * commands, run meanwhile on the same configuration in another process, use that process's servers instead of
 * failing on the locked data directories, and see what it stored.
 */
class BesideServeIT {
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    @Test
    void commandsRunBesideARunningServe(@TempDir Path dir) throws Exception {
        try (FakeOdoo odoo = FakeOdoo.builder().products(20).seed(5).build().start()) {
            Path config = dir.resolve("odoo-bridge.yaml");
            Files.writeString(config, "sources:\n"
                    + "  shop:\n"
                    + "    url: " + odoo.url() + "\n"
                    + "    database: odoo\n"
                    + "    login: " + FakeOdoo.ADMIN + "\n"
                    + "    secret: " + FakeOdoo.ADMIN + "\n"
                    + "    timeout: 20s\n"
                    + "    webhook-token: " + TestConfigs.TOKEN + "\n"
                    + "mongodb:\n"
                    + "  database: beside\n"
                    + "sync:\n"
                    + "  models: [res.partner]\n"
                    + "webhook:\n"
                    + "  port: 0\n"
                    + "data-dir: " + dir.resolve("data") + "\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    OdooBridgeCli.class.getName(), "webhook", "serve", "--bind", "127.0.0.1", "--port", "0",
                    "--config", config.toString()).redirectErrorStream(true).start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> out.lines().forEach(output::add), "serve-output");
            reader.setDaemon(true);
            reader.start();
            try {
                long started = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                int port = -1;
                while (port < 0 && serve.isAlive() && System.nanoTime() < started) {
                    synchronized (output) {
                        for (String line : output) {
                            Matcher m = LISTENING.matcher(line);
                            if (m.find() && output.stream().anyMatch(l -> l.contains("Stop with Ctrl-C."))) {
                                port = Integer.parseInt(m.group(1));
                            }
                        }
                    }
                    Thread.sleep(100);
                }
                assertThat(port).as("serve started: %s", output).isPositive();

                odoo.webhooks().add("res.partner", WebhookTrigger.CREATE_OR_WRITE,
                        "http://127.0.0.1:" + port + "/webhook/shop/" + TestConfigs.TOKEN, "name", "write_date");
                long partner;
                try (OdooClient admin = odoo.adminClient()) {
                    partner = admin.model("res.partner").create(Map.of("name", "Beside Serve"));
                }
                assertThat(odoo.webhooks().awaitIdle(Duration.ofSeconds(20))).isTrue();

                String listed = "";
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!listed.contains(" " + partner + " ") && System.nanoTime() < deadline) {
                    CliRun list = CliRun.of("webhook", "list", "--status", "done", "--config", config.toString());
                    assertThat(list.exitCode()).as(list.toString()).isZero();
                    listed = list.out();
                    Thread.sleep(200);
                }
                assertThat(listed).as("the serve process stored and processed the post; its output: %s", output).contains("shop")
                        .contains(" " + partner + " ").contains("done");

                CliRun sync = CliRun.of("sync", "run", "--config", config.toString());
                assertThat(sync.exitCode()).as(sync.toString()).isZero();
                CliRun status = CliRun.of("sync", "status", "--config", config.toString());
                assertThat(status.exitCode()).as(status.toString()).isZero();
                assertThat(status.out()).contains("shop").contains("res.partner");
                assertThat(serve.isAlive()).as("the commands left the serve process running").isTrue();
            } finally {
                serve.destroy();
                if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                    serve.destroyForcibly();
                }
            }
            assertThat(dir.resolve("data").resolve("postgres").resolve("odoo-bridge-endpoint.properties"))
                    .as("the serve process withdrew its endpoint when it stopped").doesNotExist();
        }
    }
}
