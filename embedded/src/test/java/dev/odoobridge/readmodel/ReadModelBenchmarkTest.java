package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints figures, asserts no timings: bulk upsert throughput of 100,000 product documents in pages
 * of 500 (derived stock view maintained), and latency of a 10,000-SKU vendor stock-status report,
 * on the embedded in-memory server. Run with {@code -Dlong -Dtest=ReadModelBenchmarkTest}
 * ({@code -DargLine=-Dbench.products=N} for another catalog size). Besides wall time it prints the
 * process CPU time, which stays meaningful on a busy machine. The embedded server reads the stored
 * versions by {@code _id} and writes by {@code _id} (its index serves only queries whose sole key is
 * {@code _id}); pass {@code -DargLine=-Dbench.guard=CONDITIONAL_FILTER} to measure the filter guard. With
 * {@code -Dbench.store=file -Dbench.compare=true [-Dbench.rounds=N]} it runs everything on a fresh file store with
 * standard commands over the socket, then with the store's in-process writes, N times in turn, so that both call
 * patterns are measured back to back under the same machine load.
 */
@Tag("long")
class ReadModelBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void throughputAndReportLatency() throws java.io.IOException {
        boolean file = "file".equals(System.getProperty("bench.store"));
        System.out.println("store: " + (file ? "file" : "memory"));
        // -Dbench.compare=true on the file store: every phase with standard commands and with the store's
        // in-process writes, alternating (bench.rounds pairs, 1 by default), each on a fresh store, back to back
        if (file && Boolean.getBoolean("bench.compare")) {
            String property = "odoobridge.embedded.inProcessWrites";
            for (int round = 1; round <= Integer.getInteger("bench.rounds", 1); round++) {
                for (String writes : List.of("false", "true")) {
                    System.setProperty(property, writes);
                    System.out.print("round " + round + ", " + ("true".equals(writes) ? "in-process writes: "
                            : "standard commands: "));
                    run(java.nio.file.Files.createTempDirectory(dir, "store"), true);
                }
            }
            System.clearProperty(property);
            return;
        }
        run(file ? dir : null, true);
    }

    /** Products with the stock view (timed, with CPU); with {@code rest} the supplier infos, quants and report too. */
    private void run(Path directory, boolean rest) {
        Instant f = Instant.parse("2026-11-21T12:00:00Z");
        GuardStrategy guard = GuardStrategy.valueOf(System.getProperty("bench.guard", "AUTO"));
        // -Dbench.store=file for the embedded file store, else the embedded server in memory
        ReadModelConfig.Builder config = ReadModelConfig.builder().guardStrategy(guard);
        if (directory != null) {
            config.dataDirectory(directory);
        } else {
            config.inMemory();
        }
        try (ReadModel model = ReadModels.open(config.build())) {
            model.projector().apply("shop", "stock.location", List.of(OdooRows.location(5, "WH/Stock", "internal", 1)), f);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            int total = Integer.getInteger("bench.products", 100_000);
            for (int page = 0; page < total / 500; page++) {
                List<OdooRecord> records = new ArrayList<>(500);
                for (int i = 1; i <= 500; i++) {
                    records.add(OdooRows.product(page * 500L + i, "Product " + (page * 500 + i)));
                }
                model.projector().apply("shop", "product.product", records, f);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            System.out.printf("upsert (%s): %d product documents in pages of 500 in %.1f s = %.0f documents/s;"
                    + " process CPU %.1f s = %.0f documents per CPU second%n", guard, total, seconds, total / seconds, cpu,
                    total / cpu);
            if (!rest) {
                return;
            }
            long pageStart = System.nanoTime();
            long pageCpuStart = cpuNanos();

            // vendor 70 supplies the first 10,000 products, which all have a quant
            for (int page = 0; page < 20; page++) {
                List<OdooRecord> suppliers = new ArrayList<>(500);
                List<OdooRecord> quants = new ArrayList<>(500);
                for (int i = 1; i <= 500; i++) {
                    long p = page * 500L + i;
                    suppliers.add(OdooRows.supplier(p, 70, p, p));
                    quants.add(OdooRows.quant(p, p, 5, p % 40));
                }
                model.projector().apply("shop", "product.supplierinfo", suppliers, f);
                model.projector().apply("shop", "stock.quant", quants, f);
            }
            double pageSeconds = (System.nanoTime() - pageStart) / 1e9;
            double pageCpu = (cpuNanos() - pageCpuStart) / 1e9;
            System.out.printf("upsert: 10,000 supplier infos + 10,000 quants (stock view recomputed) in %.1f s = %.0f documents/s;"
                    + " process CPU %.1f s = %.0f documents per CPU second%n", pageSeconds, 20_000 / pageSeconds, pageCpu,
                    20_000 / pageCpu);
            VendorScope scope = VendorScope.of("shop", List.of(70L));
            List<StockStatusRow> rows = model.reports().stockStatus(scope);
            assertThat(rows).hasSize(10_000);
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                long t = System.nanoTime();
                model.reports().stockStatus(scope);
                best = Math.min(best, System.nanoTime() - t);
            }
            System.out.printf("report: 10,000-SKU vendor stock status, best of 5: %.0f ms%n", best / 1e6);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
