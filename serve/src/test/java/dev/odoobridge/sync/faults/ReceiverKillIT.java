package dev.odoobridge.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook receiver runs in a child JVM on the test's PostgreSQL and is killed (SIGKILL)
 * while events are being posted from several threads, at a random point (seeded), several times.
 * A processor started afterwards in this JVM brings every event that got a 2xx into the read
 * model: an accepted event is never lost.
 */
class ReceiverKillIT {
    static final String SOURCE = "shop";
    static final String TOKEN = "kill-token-0123456789abcdef";
    static final Projection PARTNERS = new Projection("res.partner", "res_partner", List.of("name", "city"));
    static final int ROUNDS = 3;
    static final int EVENTS_PER_ROUND = 150;
    static final int POSTERS = 4;

    @TempDir
    Path dir;

    @Test
    void everyAcceptedEventIsProcessedAfterTheReceiverIsKilled() throws Exception {
        Random random = new Random(909);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> kills = new ArrayList<>();
        try (FakeOdoo odoo = FakeOdoo.builder().build().start();
             OdooClient client = odoo.client(Transport.JSON2);
             StateDatabase db = StateDatabase.embedded(dir.resolve("pg"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().inMemory().projection(PARTNERS).build())) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_ROUND; i++) {
                    ids.add(odoo.orm().insert("res.partner", Map.of("name", "Round " + round + " partner " + i, "city", "Namur")));
                }
                int killAfter = 10 + random.nextInt(EVENTS_PER_ROUND - 40);
                Set<Long> accepted = postAndKill(http, db.describe(), ids, killAfter);
                kills.add("round " + round + ": killed after " + killAfter + " accepted, " + accepted.size() + " got a 2xx");
                assertThat(accepted.size()).as("events accepted before the kill").isGreaterThanOrEqualTo(killAfter);

                try (WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(SOURCE, client)),
                        readModel.projector()).projections(List.of(PARTNERS)).build()) {
                    for (int pass = 0; pass < 50 && processor.processOnce() > 0; pass++) {
                        // drain the inbox
                    }
                }
                Set<Long> lost = new TreeSet<>();
                for (long id : accepted) {
                    if (readModel.projector().find(SOURCE, "res.partner", id).isEmpty()) {
                        lost.add(id);
                    }
                }
                assertThat(lost).as("accepted events missing in the read model (%s)", kills).isEmpty();
            }
        }
        System.out.println("receiver kill: " + kills);
    }

    private static Set<Long> postAndKill(HttpClient http, String jdbcUrl, List<Long> ids, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ReceiverChildMain.class.getName(), jdbcUrl, SOURCE, TOKEN).redirectErrorStream(true).start();
        Set<Long> accepted = new ConcurrentSkipListSet<>();
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            List<String> seen = new ArrayList<>();
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
            assertThat(port).as("child receiver started: %s", seen).isPositive();
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
            drain.setDaemon(true);
            drain.start();
            String url = "http://127.0.0.1:" + port + "/webhook/" + SOURCE + "/" + TOKEN;
            ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(ids);
            AtomicInteger ok = new AtomicInteger();
            for (int t = 0; t < POSTERS; t++) {
                posters.submit(() -> {
                    for (Long id = queue.poll(); id != null; id = queue.poll()) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"_id\": " + id + ", \"_model\": \"res.partner\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() / 100 == 2) {
                                accepted.add(id);
                                if (ok.incrementAndGet() == killAfter) {
                                    child.destroyForcibly(); // others are in flight right now
                                }
                            }
                        } catch (java.io.IOException e) {
                            // the receiver is gone: this event was never acknowledged, nothing is owed
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        }
                    }
                    return null;
                });
            }
            posters.shutdown();
            assertThat(posters.awaitTermination(60, TimeUnit.SECONDS)).as("posters finished").isTrue();
        } finally {
            posters.shutdownNow();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        }
        return accepted;
    }
}
