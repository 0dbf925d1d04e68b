package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures how fast FakeOdoo serves {@code search_read} pages over JSON-2 (prints records/s; no
 * timed assertion). Run with {@code -Dlong -Dit.test=Json2ThroughputBenchmarkIT}; size with
 * {@code -Dbench.records=N} (default 200,000).
 */
@Tag("long")
class Json2ThroughputBenchmarkIT {
    @Test
    void searchReadPagesOverJson2() throws Exception {
        int records = Integer.getInteger("bench.records", 200_000);
        int page = 5_000;
        try (FakeOdoo fake = FakeOdoo.builder().build().start()) {
            long categ = fake.orm().insert("product.category", Map.of("name", "All"));
            long t0 = System.nanoTime();
            for (int i = 0; i < records; i++) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", "Product " + i);
                v.put("default_code", "P" + i);
                v.put("list_price", 1.5 + i % 100);
                v.put("categ_id", categ);
                v.put("barcode", String.valueOf(4_000_000_000_000L + i));
                fake.orm().insert("product.product", v);
            }
            System.out.printf("inserted %,d products in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String key = fake.apiKey("admin");
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                long lastId = 0;
                long read = 0;
                long bytes = 0;
                while (true) {
                    String body = "{\"domain\": [[\"id\", \">\", " + lastId + "]], \"fields\": [\"name\", \"default_code\", "
                            + "\"list_price\", \"categ_id\", \"barcode\", \"active\", \"write_date\"], \"limit\": " + page
                            + ", \"order\": \"id asc\", \"context\": {\"active_test\": false}}";
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.url()
                                    + "/json/2/product.product/search_read")).header("Authorization", "bearer " + key)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    bytes += r.body().length();
                    int n = count(r.body());
                    if (n == 0) {
                        break;
                    }
                    read += n;
                    int idAt = r.body().lastIndexOf("{\"id\": ");
                    lastId = Long.parseLong(r.body().substring(idAt + 7, r.body().indexOf(',', idAt)));
                }
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %,d records in %.2f s = %,.0f records/s (%.1f MB)%n",
                        round, read, s, read / s, bytes / 1e6);
                assertThat(read).isEqualTo(records);
            }
        }
    }

    private static int count(String body) {
        int n = 0;
        for (int i = body.indexOf("{\"id\": "); i >= 0; i = body.indexOf("{\"id\": ", i + 1)) {
            n++;
        }
        return n;
    }
}
