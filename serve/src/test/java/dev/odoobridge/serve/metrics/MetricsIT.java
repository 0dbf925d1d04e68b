package dev.odoobridge.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WebhookTrigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync against FakeOdoo and webhooks through the real receiver, inbox (embedded PostgreSQL) and
 * processor, with the metrics wired as {@code serve} wires them; the {@code /metrics} answer is
 * fetched over HTTP, parsed, and its names, labels and values checked against what happened.
 */
class MetricsIT {
    private static final List<String> MODELS = List.of("res.partner", "product.product");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static StateDatabase state;

    @BeforeAll
    static void startPostgres() {
        state = StateDatabase.embedded(dir.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() {
        state.close();
    }

    @Test
    void syncAndWebhooksShowInTheScrape() throws Exception {
        BridgeMetrics metrics = BridgeMetrics.builder().inbox(WebhookInbox.of(state)).inboxCacheTtl(Duration.ZERO).build();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(metrics.handler());
        server.start();
        try (FakeOdoo fake = FakeOdoo.builder().products(30).seed(3).build().start();
             OdooClient odoo = OdooClients.create(fake.config(Transport.JSON2, "admin").toBuilder()
                     .listener(metrics.odooClientListener()).build());
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().inMemory().build());
             WebhookServer receiver = WebhookServer.builder(state).source(WebhookSource.of("shop", "metrics-token-0123456789"))
                     .models(MODELS).build().start()) {
            List<Projection> projections = readModel.projections().stream().filter(p -> MODELS.contains(p.model())).toList();
            SyncEngine engine = SyncEngine.builder().sources(Map.of("shop", odoo)).projector(readModel.projector())
                    .stateStore(state.stateStore()).projections(projections).lease("metrics-it", Duration.ofMinutes(1)).listener(metrics.syncListener()).build();
            SyncReport report = engine.run(SyncRequest.full());
            assertThat(report.outcome()).isEqualTo(Outcome.OK);
            String metricsUrl = "http://127.0.0.1:" + connector.getLocalPort() + "/metrics";

            PrometheusText afterSync = scrape(metricsUrl);
            for (String model : MODELS) {
                ModelReport m = report.get("shop", model).orElseThrow();
                assertThat(m.counts().read()).isPositive();
                assertThat(afterSync.value("odoo_bridge_sync_records_read_total", "source", "shop", "model", model))
                        .as("read %s", model).contains((double) m.counts().read());
                assertThat(afterSync.value("odoo_bridge_sync_records_written_total", "source", "shop", "model", model))
                        .as("written %s", model).contains((double) m.counts().written());
                assertThat(afterSync.value("odoo_bridge_sync_records_deleted_total", "source", "shop", "model", model))
                        .contains(0.0);
                assertThat(afterSync.value("odoo_bridge_sync_duration_seconds_count",
                        "source", "shop", "model", model, "mode", "full", "outcome", "ok")).contains(1.0);
                assertThat(afterSync.valueWith("odoo_bridge_sync_duration_seconds_bucket",
                        "source", "shop", "model", model, "le", "+Inf")).contains(1.0);
                double lag = afterSync.value("odoo_bridge_sync_lag_seconds", "source", "shop", "model", model).orElseThrow();
                assertThat(lag).as("lag of %s", model).isBetween(0.0, 120.0);
            }
            assertThat(afterSync.type("odoo_bridge_sync_lag_seconds")).isEqualTo("gauge");
            assertThat(afterSync.type("odoo_bridge_sync_duration_seconds")).isEqualTo("histogram");
            double readCalls = afterSync.samples("odoo_bridge_odoo_call_duration_seconds_count").stream()
                    .filter(s -> s.labels().get("transport").equals("json2") && s.labels().get("outcome").equals("ok"))
                    .mapToDouble(PrometheusText.Sample::value).sum();
            long engineCalls = report.models().stream().mapToLong(m -> m.counts().calls()).sum();
            assertThat(readCalls).as("Odoo calls timed").isGreaterThanOrEqualTo(engineCalls).isPositive();
            assertThat(afterSync.samples("odoo_bridge_odoo_call_duration_seconds_count"))
                    .extracting(s -> s.labels().get("method")).contains("fields_get");
            for (EventStatus status : EventStatus.values()) {
                assertThat(afterSync.value("odoo_bridge_webhook_inbox_events", "status", status.dbValue())).contains(0.0);
            }

            // webhooks: Odoo posts, the receiver stores, the processor applies
            String hookUrl = "http://127.0.0.1:" + receiver.port() + receiver.path("shop");
            fake.webhooks().add("res.partner", WebhookTrigger.CREATE_OR_WRITE, hookUrl, "write_date");
            List<Long> partners = odoo.model("res.partner").search(Domains.all()).subList(0, 5);
            for (long id : partners) {
                odoo.model("res.partner").write(List.of(id), Map.of("name", "Renamed " + id));
            }
            assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(30))).isTrue();
            int posted = fake.webhooks().posted();
            assertThat(posted).isGreaterThanOrEqualTo(5);
            WebhookInbox inbox = WebhookInbox.of(state);
            PrometheusText received = scrape(metricsUrl);
            assertThat(received.value("odoo_bridge_webhook_inbox_events", "status", "pending")).contains((double) posted);

            try (WebhookProcessor processor = WebhookProcessor.builder(state, RecordFetcher.odoo(Map.of("shop", odoo)),
                    readModel.projector()).projections(projections).schemas(engine.schemas())
                    .listener(metrics.syncListener()).build()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (inbox.countByStatus().get(EventStatus.DONE) < posted && System.nanoTime() < deadline) {
                    if (processor.processOnce() == 0) {
                        Thread.sleep(20);
                    }
                }
            }
            assertThat(inbox.list(EventFilter.all().statuses(EventStatus.DONE), 1000)).hasSize(posted);
            PrometheusText applied = scrape(metricsUrl);
            assertThat(applied.value("odoo_bridge_webhook_inbox_events", "status", "done")).contains((double) posted);
            assertThat(applied.value("odoo_bridge_webhook_inbox_events", "status", "pending")).contains(0.0);
            assertThat(applied.value("odoo_bridge_webhook_receive_to_apply_seconds_count", "source", "shop",
                    "model", "res.partner")).contains((double) posted);
            assertThat(applied.valueWith("odoo_bridge_webhook_receive_to_apply_seconds_bucket", "source", "shop",
                    "model", "res.partner", "le", "+Inf")).contains((double) posted);
            assertThat(applied.value("odoo_bridge_webhook_receive_to_apply_seconds_sum", "source", "shop",
                    "model", "res.partner").orElseThrow()).isPositive();
            assertThat(applied.type("odoo_bridge_webhook_receive_to_apply_seconds")).isEqualTo("histogram");
            for (long id : partners) {
                assertThat(readModel.projector().find("shop", "res.partner", id).orElseThrow().get("name"))
                        .isEqualTo("Renamed " + id);
            }

            // a source whose credentials Odoo refuses: a failure of kind odoo_authentication
            OdooConfig wrong = fake.config(Transport.JSON2, "admin").toBuilder().secret("not-the-key")
                    .listener(metrics.odooClientListener()).build();
            try (OdooClient refused = OdooClients.create(wrong)) {
                SyncEngine broken = SyncEngine.builder().sources(Map.of("closed", refused)).projector(readModel.projector())
                        .stateStore(state.stateStore()).projections(projections).lease("metrics-it", Duration.ofMinutes(1)).listener(metrics.syncListener()).build();
                assertThat(broken.run(SyncRequest.incremental()).outcome()).isEqualTo(Outcome.FAILED);
            }
            PrometheusText failed = scrape(metricsUrl);
            assertThat(failed.value("odoo_bridge_failures_total", "source", "closed", "stage", "sync",
                    "kind", "odoo_authentication").orElseThrow()).isGreaterThanOrEqualTo(1.0);
            assertThat(failed.samples("odoo_bridge_failures_total")).allSatisfy(s ->
                    assertThat(s.labels().get("kind")).isIn(java.util.Arrays.stream(FailureKind.values())
                            .map(FailureKind::label).toList()));
            assertThat(failed.samples("odoo_bridge_odoo_call_duration_seconds_count"))
                    .anySatisfy(s -> assertThat(s.labels().get("outcome")).isEqualTo("error"));
        } finally {
            server.stop();
        }
    }

    private static PrometheusText scrape(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/plain").contains("version=0.0.4"));
        return PrometheusText.parse(response.body());
    }
}
