package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Generation speed for a 100,000-product business. Prints figures, asserts no timing. Run with
 * {@code -Dsurefire.excludedGroups= -Dtest=RetailDataGeneratorBenchmarkTest}.
 */
@Tag("long")
class RetailDataGeneratorBenchmarkTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:30:00Z");

    /** Assigns ids per model and keeps nothing, so only the generator is measured. */
    private static final class CountingSink implements RecordSink {
        private final Map<String, long[]> ids = new HashMap<>();
        private long fields;

        @Override
        public long insert(String model, Map<String, Object> values) {
            fields += values.size();
            return ++ids.computeIfAbsent(model, m -> new long[1])[0];
        }
    }

    @Test
    void defaultDemoBusiness() {
        RetailDataGenerator generator = RetailDataGenerator.builder().now(NOW).build();
        generator.generate(new CountingSink());
        long started = System.nanoTime();
        RetailDataSummary summary = generator.generate(new CountingSink());
        System.out.printf("default business: %,d records in %.2f s: %s%n", summary.totalRecords(),
                (System.nanoTime() - started) / 1e9, summary.counts());
        assertThat(summary.totalRecords()).isPositive();
    }

    @Test
    void hundredThousandProducts() {
        RetailDataGenerator generator = RetailDataGenerator.builder().now(NOW).products(100_000).customers(20_000)
                .build();
        generator.generate(new CountingSink()); // warm-up
        for (int run = 1; run <= 3; run++) {
            CountingSink sink = new CountingSink();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            RetailDataSummary summary = generator.generate(sink);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            long records = summary.totalRecords();
            System.out.printf("run %d: %,d records (%,d field values) in %.2f s wall (%.2f s CPU) = %,.0f records/s"
                    + " wall, %,.0f records/s CPU%n", run, records, sink.fields, seconds, cpuSeconds,
                    records / seconds, records / cpuSeconds);
            if (run == 1) {
                summary.counts().forEach((model, n) -> System.out.printf("  %-28s %,10d%n", model, n));
            }
            assertThat(records).isGreaterThan(900_000);
        }
    }
}
