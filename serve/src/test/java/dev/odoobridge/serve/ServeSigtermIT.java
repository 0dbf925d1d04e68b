package dev.odoobridge.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.RunRecord;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.WebhookEvent;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.ServingPace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serve in a child JVM gets SIGTERM ({@link Process#destroy()}) while it syncs (FakeOdoo answers
 * slowly) and while webhook events wait in the inbox: it exits within 30 s, the sync run is recorded
 * as stopped after a whole page with its lease released, every partner up to the checkpoint is in the
 * read model, no event is left claimed, and the events not processed yet are still pending.
 */
class ServeSigtermIT {
    static final String SOURCE = "shop";
    static final String TOKEN = "sigterm-token-0123456789";
    static final int PRODUCTS = 1500;
    static final int EVENTS = 60;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsGracefullyLeavingPendingEventsInTheInbox() throws Exception {
        EmbeddedStore mongo = ReadModels.serve(dir.resolve("mongo"));
        String jdbcUrl = SharedPostgres.freshDatabaseUrl();
        try (FakeOdoo odoo = FakeOdoo.builder().products(PRODUCTS)
                .pace(new ServingPace(Duration.ofMillis(60), Duration.ZERO, 8)).build().start();
             StateDatabase db = StateDatabase.connect(jdbcUrl, "postgres", null);
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().connectionString(mongo.connectionString())
                     .guardStrategy(GuardStrategy.READ_THEN_WRITE).projection(ServeChildMain.PARTNERS)
                     .projection(ServeChildMain.PRODUCTS).build())) {
            List<Long> partners = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                partners.add(odoo.orm().insert("res.partner", Map.of("name", "Partner " + i, "city", "Tournai")));
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                    ServeChildMain.class.getName(), jdbcUrl, mongo.connectionString(), odoo.url(), odoo.database(),
                    FakeOdoo.ADMIN, odoo.apiKey(FakeOdoo.ADMIN), SOURCE, TOKEN).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try {
                int port = awaitPort(child, output);
                for (long id : partners) {
                    assertThat(Http.post(port, "/webhook/" + SOURCE + "/" + TOKEN,
                            "{\"_id\": " + id + ", \"_model\": \"res.partner\"}").statusCode()).isEqualTo(202);
                }
                Http.await(Duration.ofSeconds(60), "the first sync pages applied",
                        () -> readModel.projector().count(SOURCE, "product.product", 0, Long.MAX_VALUE) >= ServeChildMain.PAGE_SIZE);
                Http.await(Duration.ofSeconds(30), "some events processed",
                        () -> !WebhookInbox.of(db).list(EventFilter.all().statuses(EventStatus.DONE), 1).isEmpty());

                long sent = System.nanoTime();
                child.destroy(); // SIGTERM
                boolean exited = child.waitFor(30, TimeUnit.SECONDS);
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertThat(exited).as("exited within 30 s of SIGTERM; output: %s", output).isTrue();
                System.out.println("serve stopped " + tookMs + " ms after SIGTERM, exit code " + child.exitValue());
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }

            List<WebhookEvent> events = WebhookInbox.of(db).list(EventFilter.all(), 10_000);
            assertThat(events).hasSize(EVENTS);
            assertThat(events).as("no event left claimed").noneMatch(e -> e.status() == EventStatus.PROCESSING);
            assertThat(events).as("events not processed yet stay pending")
                    .anyMatch(e -> e.status() == EventStatus.PENDING);
            for (WebhookEvent e : events) {
                if (e.status() == EventStatus.DONE) {
                    assertThat(readModel.projector().find(SOURCE, "res.partner", e.recordId()))
                            .as("applied event %d", e.id()).isPresent();
                }
            }

            List<RunRecord> runs = db.stateStore().recentRuns(100);
            assertThat(runs).as("sync runs").isNotEmpty();
            assertThat(runs).as("every run recorded as finished (none cut off)").allMatch(r -> r.finishedAt() != null);
            assertThat(db.stateStore().leaseHolder(SOURCE, "product.product")).as("lease released").isEmpty();
            long inReadModel = readModel.projector().count(SOURCE, "product.product", 0, Long.MAX_VALUE);
            System.out.println("at SIGTERM: " + inReadModel + " of " + odoo.count("product.product")
                    + " products synced; last run: " + runs.get(0));
            assertThat(inReadModel).as("SIGTERM came in the middle of the first sync")
                    .isLessThan(odoo.count("product.product"));
            assertThat(runs.get(0).outcome()).isIn("partial", "failed");
            assertThat(runs.get(0).error()).as("the cut run says why").contains("stopped by the engine after the page in flight");
            Optional<Checkpoint> checkpoint = db.stateStore().checkpoint(SOURCE, "product.product");
            if (checkpoint.isPresent()) {
                Instant upTo = checkpoint.get().writeDate();
                for (Map<String, Object> p : odoo.records("product.product", List.of("id", "write_date"))) {
                    Instant written = Instant.parse(p.get("write_date").toString().replace(' ', 'T') + "Z");
                    long id = ((Number) p.get("id")).longValue();
                    if (written.isBefore(upTo) || (written.equals(upTo) && id <= checkpoint.get().lastId())) {
                        assertThat(readModel.projector().find(SOURCE, "product.product", id))
                                .as("product %d at or before the checkpoint", id).isPresent();
                    }
                }
            }
        } finally {
            mongo.close();
        }
    }

    private static int awaitPort(Process child, List<String> seen) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        while (port < 0) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            seen.add(line);
            if (line.startsWith("PORT ")) {
                port = Integer.parseInt(line.substring(5).trim());
            }
        }
        assertThat(port).as("child serve started: %s", seen).isPositive();
        Thread drain = new Thread(() -> out.lines().forEach(l -> {
            synchronized (seen) {
                if (seen.size() < 200) {
                    seen.add(l);
                }
            }
        }), "child-output");
        drain.setDaemon(true);
        drain.start();
        return port;
    }
}
