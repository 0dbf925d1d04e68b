package dev.odoobridge.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Webhook received → projector applied, for 1,000 posts through HTTP, the PostgreSQL inbox and a
 * background processor (Odoo and the read model are in-memory doubles). Prints p50/p99; no
 * timed assertion.
 */
class WebhookLatencyIT {
    static final int EVENTS = 1000;

    @Test
    void receivedToAppliedLatency() throws Exception {
        FakeFetcher odoo = new FakeFetcher("shop");
        MemoryProjector readModel = new MemoryProjector();
        for (long id = 1; id <= EVENTS; id++) {
            odoo.put("product.product", id, Map.of("name", "p" + id, "write_date", "2026-11-21 10:00:00"));
        }
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[EVENTS];
        CountDownLatch applied = new CountDownLatch(EVENTS);
        readModel.onApplied = id -> {
            Long t0 = sentAt.remove(id);
            if (t0 != null) {
                latencies[(int) id - 1] = System.nanoTime() - t0;
                applied.countDown();
            }
        };
        try (StateDatabase db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null);
             WebhookServer receiver = WebhookServer.builder(db).source(WebhookSource.of("shop", "bench-token-0123456789"))
                     .models(List.of("product.product")).build().start();
             WebhookProcessor processor = WebhookProcessor.builder(db, odoo, readModel)
                     .projections(List.of(new Projection("product.product", "products", List.of("name"))))
                     .pollInterval(Duration.ofMillis(500)).build().start()) {
            String path = receiver.path("shop");
            for (int warm = 0; warm < 50; warm++) {
                Posts.post(receiver.port(), path, "{\"_id\": " + (100_000 + warm) + ", \"_model\": \"product.product\"}");
            }
            long start = System.nanoTime();
            for (long id = 1; id <= EVENTS; id++) {
                sentAt.put(id, System.nanoTime());
                int status = Posts.post(receiver.port(), path,
                        "{\"_id\": " + id + ", \"_model\": \"product.product\"}").statusCode();
                assertThat(status).isEqualTo(202);
            }
            assertThat(applied.await(60, TimeUnit.SECONDS)).isTrue();
            long total = System.nanoTime() - start;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("webhook received -> applied, %d posts: p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                            + " %.0f posts/s, %d Odoo reads (coalesced passes)%n", EVENTS, sorted[EVENTS / 2] / 1e6,
                    sorted[EVENTS * 99 / 100] / 1e6, sorted[EVENTS - 1] / 1e6, EVENTS / (total / 1e9),
                    odoo.reads.size());
        }
    }
}
