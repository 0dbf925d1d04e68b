package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.Cli;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WebhookTrigger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** webhook serve / list / replay: FakeOdoo's automation posts to the served receiver, the events are listed and replayed. */
class WebhookCommandsIT {
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    @TempDir
    static Path dir;
    static FakeOdoo odoo;
    static StateDatabase postgres;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        odoo = FakeOdoo.builder().build().start();
        postgres = StateDatabase.embedded(dir.resolve("pg"));
        config = TestConfigs.write(dir, "odoo-bridge.yaml", odoo.url(), FakeOdoo.ADMIN, postgres.describe(),
                "[res.partner]", null);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (odoo != null) {
            odoo.close();
        }
    }

    @Test
    void servedReceiverStoresAndProcessesEventsThatCanBeListedAndReplayed() throws Exception {
        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(Cli.commandLine(new PrintWriter(serveOut, true),
                new PrintWriter(serveErr, true)).execute("webhook", "serve", "--bind", "127.0.0.1", "--port", "0",
                "--config", config.toString())), "webhook-serve-test");
        server.start();
        try {
            String banner = await(() -> serveOut.toString().contains("Stop with Ctrl-C.") || !server.isAlive()
                    ? serveOut.toString() : null);
            Matcher m = LISTENING.matcher(banner);
            assertThat(m.find()).as(banner + serveErr).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(banner).contains("shop: http://127.0.0.1:" + port + "/webhook/shop/tok-****ef")
                    .doesNotContain(TestConfigs.TOKEN);

            odoo.webhooks().add("res.partner", WebhookTrigger.CREATE_OR_WRITE,
                    "http://127.0.0.1:" + port + "/webhook/shop/" + TestConfigs.TOKEN, "name", "write_date");
            long partner;
            try (OdooClient admin = odoo.adminClient()) {
                partner = admin.model("res.partner").create(Map.of("name", "Webhook Customer"));
            }
            assertThat(odoo.webhooks().awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(odoo.webhooks().posted()).isEqualTo(1);

            String listed = await(() -> {
                CliRun list = CliRun.of("webhook", "list", "--status", "done", "--config", config.toString());
                return list.out().contains("res.partner") ? list.out() : null;
            });
            assertThat(listed).contains("shop").contains(" " + partner + " ").contains("done");
            long eventId = Long.parseLong(listed.lines().skip(2).findFirst().orElseThrow().strip().split("\\s+")[0]);

            CliRun dry = CliRun.of("webhook", "replay", "--id", String.valueOf(eventId), "--dry-run", "--config", config.toString());
            assertThat(dry.exitCode()).as(dry.toString()).isZero();
            assertThat(dry.out()).contains(String.valueOf(eventId));
            assertThat(CliRun.of("webhook", "list", "--status", "done", "--config", config.toString()).out())
                    .as("a dry run changes nothing").contains("res.partner");

            CliRun replay = CliRun.of("webhook", "replay", "--id", String.valueOf(eventId), "--config", config.toString());
            assertThat(replay.exitCode()).as(replay.toString()).isZero();
            assertThat(replay.out()).contains("1 event(s) marked pending");
            String again = await(() -> {
                CliRun list = CliRun.of("webhook", "list", "--status", "done", "--config", config.toString());
                return list.out().contains("res.partner") ? list.out() : null;
            });
            assertThat(again).as("pending after the replay, then processed again").contains(" " + partner + " ");

            CliRun nothing = CliRun.of("webhook", "replay", "--config", config.toString());
            assertThat(nothing.exitCode()).isEqualTo(ExitCode.USAGE.code());
            assertThat(nothing.err()).contains("choose what to replay");
        } finally {
            server.interrupt();
            server.join(30_000);
        }
        assertThat(server.isAlive()).isFalse();
        assertThat(exit.get()).as(serveErr.toString()).isEqualTo(ExitCode.INTERRUPTED.code());
    }

    @Test
    void serveWithoutAnyWebhookTokenIsAConfigError() throws Exception {
        Path noToken = dir.resolve("no-token.yaml");
        java.nio.file.Files.writeString(noToken, java.nio.file.Files.readString(config)
                .replaceAll("(?m)^\\s+webhook-token:.*\\n", ""));
        CliRun r = CliRun.of("webhook", "serve", "--port", "0", "--config", noToken.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(r.err()).contains("no source has a webhook-token");
    }

    /** Polls (up to 30 s) until the supplier gives a value. */
    private static String await(Supplier<String> poll) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String v = poll.get();
            if (v != null || System.nanoTime() > deadline) {
                return v == null ? "" : v;
            }
            Thread.sleep(100);
        }
    }
}
