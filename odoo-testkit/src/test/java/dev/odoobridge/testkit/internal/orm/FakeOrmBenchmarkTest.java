package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints insert rate, heap per record and keyset-paged search_read throughput for a million partners, and
 * write_date-ordered paging. Run with {@code -Dlong}; numbers are printed, never asserted.
 */
@Tag("long")
class FakeOrmBenchmarkTest {
    private static final int RECORDS = 1_000_000;
    private static final int PAGE = 1000;

    @Test
    void millionRecords() {
        FakeOrm orm = new FakeOrm();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> values = new HashMap<>();
            values.put("name", "Partner " + i);
            values.put("email", "p" + i + "@example.com");
            values.put("ref", "R" + i);
            values.put("customer_rank", i % 7);
            values.put("city", "City " + (i % 500));
            values.put("is_company", i % 3 == 0);
            orm.insert("res.partner", values);
        }
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        long bytesPerRecord = (usedHeap() - heapBefore) / RECORDS;
        System.out.printf("insert: %d records in %.2f s = %.0f records/s; heap %d bytes/record%n", RECORDS,
                insertSeconds, RECORDS / insertSeconds, bytesPerRecord);

        List<String> fields = List.of("name", "email", "ref", "customer_rank", "city", "is_company", "write_date");
        for (int round = 0; round < 2; round++) {
            start = System.nanoTime();
            int lastId = 0;
            int read = 0;
            while (true) {
                List<?> page = (List<?>) orm.execute(new OrmRequest("res.partner", "search_read", null, List.of(),
                        Map.of("domain", List.of(List.of("id", ">", lastId)), "fields", fields, "limit", PAGE,
                                "order", "id asc", "context", Map.of("active_test", false)), 2));
                if (page.isEmpty()) {
                    break;
                }
                read += page.size();
                lastId = (Integer) ((Map<?, ?>) page.get(page.size() - 1)).get("id");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(read).isEqualTo(RECORDS);
            System.out.printf("search_read by id keyset, pages of %d, %d fields: %.2f s = %.0f records/s%n", PAGE,
                    fields.size(), seconds, read / seconds);
        }
        start = System.nanoTime();
        int read = 0;
        for (int i = 0; i < 100; i++) {
            List<?> page = (List<?>) orm.execute(new OrmRequest("res.partner", "search_read", null, List.of(),
                    Map.of("domain", List.of(List.of("write_date", ">=", "2000-01-01 00:00:00")), "fields", fields,
                            "limit", PAGE, "offset", 0, "order", "write_date asc, id asc"), 2));
            read += page.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("search_read write_date >= S order write_date,id limit %d: %.0f records/s%n", PAGE,
                read / seconds);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
