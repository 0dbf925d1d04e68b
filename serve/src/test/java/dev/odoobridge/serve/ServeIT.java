package dev.odoobridge.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateStore;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole process on port 0 against FakeOdoo, the embedded PostgreSQL and the embedded
 * MongoDB-compatible store: health, a webhook applied to the read model, the scheduled incremental
 * run, the admin API, mounts, 404 and 405.
 */
class ServeIT {
    static final String SOURCE = "shop";
    static final String TOKEN = "serve-token-0123456789";
    static final String ADMIN = "admin-token-0123456789abcdef";
    static final String BEARER = "Bearer " + ADMIN;
    static final Projection PARTNERS = new Projection("res.partner", "res_partner", List.of("name", "city"));
    static final ObjectMapper JSON = new ObjectMapper();

    static FakeOdoo odoo;
    static OdooClient client;
    static StateDatabase db;
    static ReadModel readModel;
    static Serve serve;
    static int port;

    @BeforeAll
    static void start() {
        odoo = FakeOdoo.builder().products(5).build().start();
        client = odoo.client(Transport.JSON2);
        db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null);
        readModel = ReadModels.open(ReadModelConfig.builder().inMemory().projection(PARTNERS).build());
        String owner = Serve.newLeaseOwner();
        SyncEngine engine = SyncEngine.builder().source(SOURCE, client).projector(readModel.projector())
                .stateStore(db.stateStore()).projections(List.of(PARTNERS)).lease(owner, Duration.ofMinutes(1))
                .overlap(Duration.ZERO).build();
        WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(SOURCE, client)),
                readModel.projector()).projections(List.of(PARTNERS)).pollInterval(Duration.ofMillis(100)).build();
        serve = Serve.builder(db).syncEngine(engine).leaseOwner(owner)
                .webhooks(WebhookIntake.builder(db).source(WebhookSource.of(SOURCE, TOKEN)).models(List.of("res.partner")).build())
                .processor(processor)
                .schedule(Schedule.none().withIncremental(Duration.ofMillis(300)))
                .odooSources(Map.of(SOURCE, client)).readModel(readModel)
                .adminToken(ADMIN)
                .mount("/extra", new Handler.Abstract() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        response.write(true, ByteBuffer.wrap("mounted".getBytes(StandardCharsets.UTF_8)), callback);
                        return true;
                    }
                })
                .build().start();
        port = serve.port();
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
        readModel.close();
        db.close();
        client.close();
        odoo.close();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @Test
    void liveAndReadyNameEveryCheck() {
        HttpResponse<String> live = Http.get(port, "/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("status").asText()).isEqualTo("up");
        HttpResponse<String> ready = Http.get(port, "/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = json(ready).get("checks");
        assertThat(checks.get("postgresql").asText()).isEqualTo("ok");
        assertThat(checks.get("mongodb").asText()).isEqualTo("ok");
        assertThat(checks.get("odoo:" + SOURCE).asText()).isEqualTo("ok");
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    @Test
    void aWebhookIsStoredThenAppliedToTheReadModel() {
        long id = odoo.orm().insert("res.partner", Map.of("name", "Webhook partner", "city", "Ghent"));
        HttpResponse<String> r = Http.post(port, "/webhook/" + SOURCE + "/" + TOKEN,
                "{\"_id\": " + id + ", \"_model\": \"res.partner\"}", "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Http.await(Duration.ofSeconds(20), "the posted partner in the read model",
                () -> readModel.projector().find(SOURCE, "res.partner", id).isPresent());
        assertThat(readModel.projector().find(SOURCE, "res.partner", id).get().get("city")).isEqualTo("Ghent");
        assertThat(Http.post(port, "/webhook/" + SOURCE + "/wrong-token-0123456789", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void theScheduledIncrementalRunBringsChangesWithoutAWebhook() {
        long id = odoo.orm().insert("res.partner", Map.of("name", "Scheduled partner", "city", "Mons"));
        Http.await(Duration.ofSeconds(30), "a scheduled run applying partner " + id,
                () -> readModel.projector().find(SOURCE, "res.partner", id).isPresent());
        // the partner is in the read model while its run is still closing: wait for a finished one
        Http.await(Duration.ofSeconds(30), "a finished scheduled run", () -> serve.recentRuns().stream()
                .anyMatch(run -> run.trigger().equals("incremental") && run.state().equals("done")));
        assertThat(serve.recentRuns()).anySatisfy(run -> {
            assertThat(run.trigger()).isEqualTo("incremental");
            assertThat(run.state()).isEqualTo("done");
        });
    }

    @Test
    void adminNeedsTheBearerToken() {
        for (String path : List.of("/admin/status", "/admin/runs", "/admin/inbox", "/admin/nope", "/admin")) {
            HttpResponse<String> none = Http.get(port, path);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(Http.get(port, path, "Authorization", "Bearer " + ADMIN + "x").statusCode()).as(path).isEqualTo(401);
            assertThat(Http.get(port, path, "Authorization", ADMIN).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void adminStatusRunsInboxAndReplay() {
        // a partner through a webhook, so the inbox has a done event and the run history a row
        long id = odoo.orm().insert("res.partner", Map.of("name", "Admin partner", "city", "Namur"));
        assertThat(Http.post(port, "/webhook/" + SOURCE + "/" + TOKEN, "{\"_id\": " + id + ", \"_model\": \"res.partner\"}")
                .statusCode()).isEqualTo(202);
        Http.await(Duration.ofSeconds(20), "the event processed", () -> json(Http.get(port,
                "/admin/inbox?status=done&model=res.partner&source=" + SOURCE, "Authorization", BEARER)).get("events")
                .findValues("recordId").stream().anyMatch(n -> n.asLong() == id));
        Http.await(Duration.ofSeconds(30), "a checkpoint", () -> json(Http.get(port, "/admin/status",
                "Authorization", BEARER)).get("sources").size() > 0);

        JsonNode status = json(Http.get(port, "/admin/status", "Authorization", BEARER));
        JsonNode model = status.get("sources").get(0).get("models").get(0);
        assertThat(status.get("sources").get(0).get("source").asText()).isEqualTo(SOURCE);
        assertThat(model.get("model").asText()).isEqualTo("res.partner");
        assertThat(model.get("checkpoint").get("writeDate").asText()).isNotEmpty();
        assertThat(model.get("lagSeconds").isNumber()).isTrue();
        assertThat(model.get("lastRun").get("outcome").asText()).isNotEmpty();
        assertThat(status.get("schedule").get("incrementalEvery").asText()).isEqualTo("PT0.3S");

        JsonNode runs = json(Http.get(port, "/admin/runs?limit=5", "Authorization", BEARER)).get("runs");
        assertThat(runs.size()).isBetween(1, 5);
        assertThat(runs.get(0).get("source").asText()).isEqualTo(SOURCE);

        JsonNode events = json(Http.get(port, "/admin/inbox?status=done&source=" + SOURCE, "Authorization", BEARER)).get("events");
        long eventId = 0;
        for (JsonNode e : events) {
            if (e.get("recordId").asLong() == id) {
                eventId = e.get("id").asLong();
            }
        }
        assertThat(eventId).isPositive();
        HttpResponse<String> dry = Http.post(port, "/admin/inbox/replay?dry-run=true&id=" + eventId, null,
                "Authorization", BEARER);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(json(dry).get("applied").asBoolean()).isFalse();
        assertThat(json(dry).get("count").asInt()).isEqualTo(1);
        HttpResponse<String> replay = Http.post(port, "/admin/inbox/replay?id=" + eventId, null, "Authorization", BEARER);
        assertThat(json(replay).get("applied").asBoolean()).isTrue();
        assertThat(json(replay).get("events").get(0).get("status").asText()).isEqualTo("done");
        long replayed = eventId;
        Http.await(Duration.ofSeconds(20), "the replayed event processed again", () -> json(Http.get(port,
                "/admin/inbox?id=" + replayed, "Authorization", BEARER)).get("events").get(0).get("status").asText()
                .equals("done"));

        assertThat(Http.get(port, "/admin/inbox?status=bogus", "Authorization", BEARER).statusCode()).isEqualTo(400);
        assertThat(Http.get(port, "/admin/inbox?since=yesterday", "Authorization", BEARER).statusCode()).isEqualTo(400);
    }

    @Test
    void adminTriggersARunAndReportsItsState() {
        HttpResponse<String> triggered = Http.post(port, "/admin/sync?mode=incremental&model=res.partner", null,
                "Authorization", BEARER);
        assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(202);
        long id = json(triggered).get("id").asLong();
        assertThat(json(triggered).get("state").asText()).isIn("queued", "running", "done", "skipped");
        Http.await(Duration.ofSeconds(30), "run " + id + " finished", () -> {
            String state = json(Http.get(port, "/admin/sync/" + id, "Authorization", BEARER)).get("state").asText();
            return state.equals("done") || state.equals("skipped");
        });
        JsonNode run = json(Http.get(port, "/admin/sync/" + id, "Authorization", BEARER));
        assertThat(run.get("trigger").asText()).isEqualTo("admin");
        assertThat(run.get("models").toString()).contains("res.partner");
        assertThat(json(Http.get(port, "/admin/sync", "Authorization", BEARER)).get("runs").size()).isPositive();
        assertThat(Http.get(port, "/admin/sync/999999", "Authorization", BEARER).statusCode()).isEqualTo(404);
        assertThat(Http.post(port, "/admin/sync?mode=sideways", null, "Authorization", BEARER).statusCode()).isEqualTo(400);
    }

    @Test
    void aReconcileRunPurgesTombstonesPastTheHorizon() {
        HttpResponse<String> triggered = Http.post(port, "/admin/sync?mode=incremental&model=res.partner&reconcile=true",
                null, "Authorization", BEARER);
        assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(202);
        long id = json(triggered).get("id").asLong();
        Http.await(Duration.ofSeconds(30), "run " + id + " finished", () -> {
            String state = json(Http.get(port, "/admin/sync/" + id, "Authorization", BEARER)).get("state").asText();
            return state.equals("done") || state.equals("skipped");
        });
        JsonNode run = json(Http.get(port, "/admin/sync/" + id, "Authorization", BEARER));
        assertThat(run.get("reconcile").asBoolean()).isTrue();
        assertThat(run.toString()).contains("tombstones purged: ");
    }

    @Test
    void aRunFindingTheLeaseHeldByAnotherProcessSkipsQuietly() {
        StateStore store = db.stateStore();
        String other = "other-host:1:serve-0000";
        Http.await(Duration.ofSeconds(30), "the lease taken by another owner",
                () -> store.tryAcquireLease(SOURCE, "res.partner", other, Duration.ofMinutes(1)));
        try {
            long id = serve.trigger(SyncRequest.incremental()).id();
            Http.await(Duration.ofSeconds(30), "run " + id + " ended", () -> serve.recentRuns().stream()
                    .anyMatch(r -> r.id() == id && r.finishedAt() != null));
            SyncRun run = serve.recentRuns().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
            assertThat(run.state()).isEqualTo("skipped");
            assertThat(run.models()).singleElement().satisfies(line -> assertThat(line).contains("leased by " + other));
        } finally {
            store.releaseLease(SOURCE, "res.partner", other);
        }
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        HttpResponse<String> nope = Http.get(port, "/nope");
        assertThat(nope.statusCode()).isEqualTo(404);
        assertThat(nope.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(nope).get("status").asInt()).isEqualTo(404);
        assertThat(Http.get(port, "/admin/nope", "Authorization", BEARER).statusCode()).isEqualTo(404);
        assertThat(Http.get(port, "/health/other").statusCode()).isEqualTo(404);

        HttpResponse<String> postLive = Http.post(port, "/health/live", "x");
        assertThat(postLive.statusCode()).isEqualTo(405);
        assertThat(postLive.headers().firstValue("Allow")).hasValue("GET");
        HttpResponse<String> getReplay = Http.get(port, "/admin/inbox/replay", "Authorization", BEARER);
        assertThat(getReplay.statusCode()).isEqualTo(405);
        assertThat(getReplay.headers().firstValue("Allow")).hasValue("POST");
        assertThat(Http.send("DELETE", port, "/admin/status", null, "Authorization", BEARER).statusCode()).isEqualTo(405);
        assertThat(Http.send("PUT", port, "/admin/sync", "", "Authorization", BEARER).statusCode()).isEqualTo(405);
        assertThat(Http.get(port, "/webhook/" + SOURCE + "/" + TOKEN).statusCode()).isEqualTo(405);
    }

    @Test
    void mountedHandlersServeTheirPrefix() {
        assertThat(Http.get(port, "/extra").body()).isEqualTo("mounted");
        assertThat(Http.get(port, "/extra/deeper/path").body()).isEqualTo("mounted");
        assertThat(Http.get(port, "/extrax").statusCode()).isEqualTo(404);
    }
}
