package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.NewApiKey;
import dev.odoobridge.cli.Cli;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code odoo-bridge serve}: the banner, health, the admin API behind its token, the read API and the offline-sync
 * feed behind API keys, a bad config.
 */
class ServeCommandIT {
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");
    private static final String ADMIN = "cli-admin-token-0123456789abcdef";

    @TempDir
    static Path dir;
    static FakeOdoo odoo;
    static StateDatabase postgres;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        odoo = FakeOdoo.builder().build().start();
        postgres = StateDatabase.embedded(dir.resolve("pg"));
        Path base = TestConfigs.write(dir, "base.yaml", odoo.url(), FakeOdoo.ADMIN, postgres.describe(),
                "[res.partner]", null);
        config = dir.resolve("odoo-bridge.yaml");
        Files.writeString(config, Files.readString(base) + "serve:\n  admin-token: " + ADMIN + "\n"
                + "schedule:\n  incremental: 1s\n  reconcile: off\n");
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
    void servesHealthAndAdminUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("serve", "--bind", "127.0.0.1", "--port", "0", "--config", config.toString())), "serve-test");
        serve.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!out.toString().contains("Stop with Ctrl-C.") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String banner = out.toString();
            Matcher m = LISTENING.matcher(banner);
            assertThat(m.find()).as(banner + err).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(banner).contains("/webhook/shop/" + WebhookServeCommand.mask(TestConfigs.TOKEN))
                    .doesNotContain(TestConfigs.TOKEN).doesNotContain(ADMIN)
                    .contains("/health/ready").contains("/admin/").contains("Incremental sync every 1s");
            HttpClient http = HttpClient.newHttpClient();
            assertThat(get(http, port, "/health/live", null).statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(http, port, "/health/ready", null);
            assertThat(ready.body()).contains("odoo:shop").contains("postgresql").contains("mongodb");
            assertThat(get(http, port, "/admin/status", null).statusCode()).isEqualTo(401);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String status = "";
            while (System.nanoTime() < end && !status.contains("res.partner")) {
                status = get(http, port, "/admin/status", "Bearer " + ADMIN).body();
                Thread.sleep(200);
            }
            assertThat(status).as("a scheduled run synced res.partner").contains("res.partner").contains("checkpoint");

            HttpResponse<String> scrape = get(http, port, "/metrics", null);
            long scraped = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < scraped && !scrape.body().contains("odoo_bridge_sync_records_read_total")) {
                Thread.sleep(200); // the run's report reaches the metrics just after its checkpoint is stored
                scrape = get(http, port, "/metrics", null);
            }
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).containsPattern("odoo_bridge_sync_records_read_total\\{[^}]*model=\"res.partner\"")
                    .contains("odoo_bridge_odoo_call_duration_seconds").contains("odoo_bridge_webhook_inbox_events");

            String key = ApiKeys.of(postgres).create(NewApiKey.builder("shop").label("serve test").build()).token();
            assertThat(get(http, port, "/api/v1/shop/partners", null).statusCode()).isEqualTo(401);
            HttpResponse<String> partners = get(http, port, "/api/v1/shop/partners", "Bearer " + key);
            assertThat(partners.statusCode()).as(partners.body()).isEqualTo(200);
            assertThat(partners.body()).contains("\"name\"");
            assertThat(get(http, port, "/sync/shop/pull?last_pulled_at=null", null).statusCode()).isEqualTo(401);
            HttpResponse<String> pull = get(http, port, "/sync/shop/pull?last_pulled_at=null", "Bearer " + key);
            assertThat(pull.statusCode()).as(pull.body()).isEqualTo(200);
            assertThat(pull.body()).contains("\"partners\"").contains("\"timestamp\"")
                    .as("only the synced model's table").doesNotContain("\"products\"");
            assertThat(get(http, port, "/sync/elsewhere/pull?last_pulled_at=null", "Bearer " + key).statusCode())
                    .isEqualTo(403);
        } finally {
            serve.interrupt();
            serve.join(30_000);
        }
        assertThat(serve.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isEqualTo(ExitCode.INTERRUPTED.code());
    }

    @Test
    void aShortAdminTokenIsAConfigError() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(config).replace(ADMIN, "short"));
        CliRun r = CliRun.of("serve", "--port", "0", "--config", bad.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(r.err()).contains("serve.admin-token").contains("at least 24 characters");
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
