package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The pace only ever adds time, so these assert lower bounds, which a slow machine cannot break. */
class ServingPaceIT {

    private static FakeOdoo partners(ServingPace pace) {
        return FakeOdoo.builder().pace(pace).data(sink -> {
            for (int i = 0; i < 1_000; i++) {
                Map<String, Object> values = new HashMap<>();
                values.put("name", "Partner " + i);
                sink.insert("res.partner", values);
            }
        }).build().start();
    }

    @Test
    void aCallTakesItsCostPerRecordAndAnswersTheSame() throws Exception {
        List<OdooRecord> unpaced;
        try (FakeOdoo fake = partners(ServingPace.NONE); OdooClient client = fake.client(Transport.JSON2)) {
            unpaced = client.model("res.partner").searchRead(Domains.all(), List.of("name"), SearchOptions.DEFAULT.order("id asc"));
        }
        ServingPace pace = new ServingPace(Duration.ofMillis(20), Duration.ofNanos(200_000), 1);
        try (FakeOdoo fake = partners(pace); OdooClient client = fake.client(Transport.JSON2)) {
            long start = System.nanoTime();
            List<OdooRecord> paced = client.model("res.partner").searchRead(Domains.all(), List.of("name"),
                    SearchOptions.DEFAULT.order("id asc"));
            long elapsed = System.nanoTime() - start;
            assertThat(paced).hasSize(unpaced.size()).hasSizeGreaterThanOrEqualTo(1_000);
            assertThat(paced.get(500).getString("name")).isEqualTo(unpaced.get(500).getString("name"));
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(pace.cost(paced.size()));
        }
    }

    @Test
    void noMoreCallsRunAtOnceThanTheServerHasWorkers() throws Exception {
        ServingPace pace = new ServingPace(Duration.ofMillis(150), Duration.ZERO, 2);
        try (FakeOdoo fake = partners(pace); OdooClient client = fake.client(Transport.JSON2)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                long start = System.nanoTime();
                List<Future<Long>> counts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    counts.add(pool.submit(() -> client.model("res.partner").searchCount(Domains.all())));
                }
                for (Future<Long> f : counts) {
                    assertThat(f.get()).isGreaterThanOrEqualTo(1_000L);
                }
                // six calls of 150 ms on two workers: three rounds
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
