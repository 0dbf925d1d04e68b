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
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two serves (child JVMs) share one PostgreSQL and one MongoDB (embedded servers started by the test):
 * webhooks are posted to both while a scheduled sync runs, and the process holding the sync's lease is
 * SIGKILLed in the middle of that sync and while it may hold claimed events. Afterwards every acknowledged post
 * is in the inbox and done (the killed process's claims expired and the survivor took them over; a post whose
 * answer the kill cut off, sent again, is the one allowed duplicate row),
 * none is left claimed, the killed process's lease expired and the survivor finished the sync from the
 * checkpoint, and the read model equals FakeOdoo.
 */
class FleetKillIT {
    static final String SOURCE = "shop";
    static final String TOKEN = "fleet-token-0123456789ab";
    static final int PRODUCTS = 4000;
    static final int PARTNERS = 200;

    @TempDir
    Path dir;

    /** One child serve and what it printed. */
    private record Member(Process process, String owner, int port, List<String> output) {
    }

    @Test
    void theSurvivorFinishesTheKilledProcessesWork() throws Exception {
        EmbeddedStore mongo = ReadModels.serve(dir.resolve("mongo"));
        String jdbcUrl = SharedPostgres.freshDatabaseUrl();
        List<Member> members = new ArrayList<>();
        try (FakeOdoo odoo = FakeOdoo.builder().products(PRODUCTS)
                .pace(new ServingPace(Duration.ofMillis(50), Duration.ZERO, 8)).build().start();
             StateDatabase db = StateDatabase.connect(jdbcUrl, "postgres", null);
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().connectionString(mongo.connectionString())
                     .guardStrategy(GuardStrategy.READ_THEN_WRITE).projection(ServeChildMain.PARTNERS)
                     .projection(ServeChildMain.PRODUCTS).build())) {
            List<Long> partners = new ArrayList<>();
            for (int i = 0; i < PARTNERS; i++) {
                partners.add(odoo.orm().insert("res.partner", Map.of("name", "Fleet partner " + i, "city", "Namur")));
            }
            String[] args = {jdbcUrl, mongo.connectionString(), odoo.url(), odoo.database(), FakeOdoo.ADMIN,
                    odoo.apiKey(FakeOdoo.ADMIN), SOURCE, TOKEN};
            members.add(start(args));
            members.add(start(args));
            WebhookInbox inbox = WebhookInbox.of(db);

            // a stream of posts, alternating between the processes; a post the killed process refuses (Odoo would
            // not retry it) is sent to the other one, as a load balancer would
            List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
            List<Member> alive = Collections.synchronizedList(new ArrayList<>(members));
            Thread poster = new Thread(() -> {
                for (int i = 0; i < PARTNERS; i++) {
                    long partner = partners.get(i);
                    Member target = alive.get(i % alive.size());
                    long sent = System.nanoTime();
                    boolean stored = post(target, partner);
                    if (i < 4) {
                        System.out.println("fleet: post " + i + " answered in "
                                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) + " ms");
                    }
                    if (!stored) {
                        alive.remove(target);
                        if (!post(alive.get(0), partner)) {
                            throw new AssertionError("the survivor refused a post");
                        }
                    }
                    acknowledged.add(partner);
                    try {
                        Thread.sleep(40);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "webhook-stream");
            poster.start();

            // kill the process holding the sync's lease while the sync is in the middle of the model
            long products = odoo.count("product.product");
            Http.await(Duration.ofSeconds(120), "the first sync pages applied and posts flowing", () ->
                    readModel.projector().count(SOURCE, "product.product", 0, Long.MAX_VALUE) >= 3L * FleetChildMain.PAGE_SIZE
                            && acknowledged.size() >= 4);
            String holder = db.stateStore().leaseHolder(SOURCE, "product.product").orElseThrow().owner();
            Member victim = members.stream().filter(m -> m.owner().equals(holder)).findFirst().orElseThrow();
            Member survivor = members.stream().filter(m -> m != victim).findFirst().orElseThrow();
            long syncedAtKill = readModel.projector().count(SOURCE, "product.product", 0, Long.MAX_VALUE);
            Instant killedAt = Instant.now();
            victim.process().destroyForcibly();
            assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            Map<EventStatus, Long> atKill = inbox.countByStatus();
            System.out.println("fleet: killed " + victim.owner() + " with " + syncedAtKill + " of " + products
                    + " products synced, " + acknowledged.size() + " posts acknowledged; inbox " + atKill);
            assertThat(syncedAtKill).as("killed in the middle of the sync").isLessThan(products);
            poster.join(120_000);
            assertThat(acknowledged).as("every post acknowledged by one of the processes").hasSize(PARTNERS);

            EventFilter open = EventFilter.all().statuses(EventStatus.PENDING, EventStatus.PROCESSING);
            Http.await(Duration.ofSeconds(120), "every event processed", () -> inbox.list(open, 1).isEmpty());
            Http.await(Duration.ofSeconds(180), "the survivor finished the sync", () ->
                    db.stateStore().recentRuns(1000).stream().anyMatch(r -> r.model().equals("product.product")
                            && r.startedAt().isAfter(killedAt) && "ok".equals(r.outcome()))
                            && readModel.projector().count(SOURCE, "product.product", 0, Long.MAX_VALUE) == products);

            // exactly once: every acknowledged post is in the inbox and done, none is left claimed or failed. A post
            // the killed process stored but could not answer was sent again to the survivor: at most that one
            // (the stream posts one at a time) is stored twice, and both rows are done
            List<WebhookEvent> events = inbox.list(EventFilter.all(), 10_000);
            assertThat(events.size()).as("inbox rows").isBetween(PARTNERS, PARTNERS + 1);
            TreeSet<Long> stored = events.stream().map(WebhookEvent::recordId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(stored).containsExactlyElementsOf(new TreeSet<>(acknowledged));
            assertThat(events).as("every event done, none left claimed or failed")
                    .allSatisfy(e -> assertThat(e.status()).as("event %d", e.id()).isEqualTo(EventStatus.DONE));
            List<WebhookEvent> retaken = events.stream().filter(e -> e.attempts() > 1).toList();
            System.out.println("fleet: " + events.size() + " events done, " + retaken.size()
                    + " of them taken over after a claim expired or retried");

            // the lease: the killed owner's expired, the survivor's run went on from the checkpoint
            List<RunRecord> runs = db.stateStore().recentRuns(1000).stream()
                    .filter(r -> r.model().equals("product.product")).toList();
            assertThat(runs).as("the killed process's run stays unfinished in the history")
                    .anyMatch(r -> r.finishedAt() == null && r.startedAt().isBefore(killedAt));
            RunRecord resumed = runs.stream().filter(r -> r.startedAt().isAfter(killedAt) && "ok".equals(r.outcome()))
                    .min((a, b) -> a.startedAt().compareTo(b.startedAt())).orElseThrow();
            System.out.println("fleet: the survivor's first complete run after the kill: " + resumed);
            Optional<Checkpoint> checkpoint = db.stateStore().checkpoint(SOURCE, "product.product");
            assertThat(checkpoint).isPresent();
            db.stateStore().leaseHolder(SOURCE, "product.product").ifPresent(h ->
                    assertThat(h.owner()).as("only the survivor may hold the lease now").isEqualTo(survivor.owner()));

            // the read model equals FakeOdoo
            TreeSet<Long> odooProducts = odoo.records("product.product", List.of("id")).stream()
                    .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(readModel.projector().ids(SOURCE, "product.product", 0, Long.MAX_VALUE))
                    .containsExactlyElementsOf(odooProducts);
            for (Map<String, Object> p : odoo.records("res.partner", List.of("id", "name", "city"))) {
                long id = ((Number) p.get("id")).longValue();
                if (partners.contains(id)) {
                    Map<String, Object> doc = readModel.projector().find(SOURCE, "res.partner", id).orElseThrow(
                            () -> new AssertionError("partner " + id + " missing from the read model"));
                    assertThat(doc.get("name")).isEqualTo(p.get("name"));
                    assertThat(doc.get("city")).isEqualTo(p.get("city"));
                }
            }
            assertThat(survivor.process().isAlive()).isTrue();
            HttpResponse<String> metrics = Http.get(survivor.port(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("odoo_bridge_webhook_inbox_events{status=\"done\"} " + events.size());
        } finally {
            for (Member m : members) {
                m.process().destroyForcibly();
                m.process().waitFor(10, TimeUnit.SECONDS);
            }
            mongo.close();
        }
    }

    private static boolean post(Member member, long partner) {
        try {
            HttpResponse<String> r = Http.post(member.port(), "/webhook/" + SOURCE + "/" + TOKEN,
                    "{\"_id\": " + partner + ", \"_model\": \"res.partner\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return true;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    private static Member start(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                FleetChildMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> out.lines().forEach(l -> {
            if (output.size() < 500) {
                output.add(l);
            }
        }), "fleet-child-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String owner = null;
        int port = -1;
        while ((owner == null || port < 0) && process.isAlive() && System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output) {
                    if (line.startsWith("OWNER ")) {
                        owner = line.substring(6).trim();
                    } else if (line.startsWith("PORT ")) {
                        port = Integer.parseInt(line.substring(5).trim());
                    }
                }
            }
            Thread.sleep(50);
        }
        assertThat(port).as("child serve started: %s", output).isPositive();
        return new Member(process, owner, port, output);
    }
}
