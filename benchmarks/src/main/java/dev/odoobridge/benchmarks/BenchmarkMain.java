package dev.odoobridge.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar <benchmark> [--option value ...]}; see
 * BENCHMARKS.md at the repository root for each benchmark's options and meaning.
 */
public final class BenchmarkMain {
    private static final String USAGE = """
            usage: java -jar benchmarks.jar <benchmark> [options]
              sync      full sync vs bare client, then incremental  [--records 100000] [--page 500] [--changes 100]
                        [--store file|memory|mongodb://...] [--readers 1] [--odoo-pace none|odoo19|CALL_MS,RECORD_US]
                        [--odoo-workers 2]
              heap      full sync in a child JVM with -Xmx256m       [--records 100000] [--xmx 256m] [--page 500]
                        [--readers 1]
              webhooks  Odoo write -> webhook -> read model latency   [--events 2000] [--rate N]
              serve     webhook post -> read model under serve, vs  [--events 1000] [--rates 100,1000] [--idle 30]
                        the same events handed to the processor without HTTP; idle CPU and heap
              feed      WatermelonDB pull / push on the embedded store [--products 100000] [--records 1000000]
                        [--changes 100] [--runs 200] [--orders 100]
              portal    a vendor's dashboard data (status, velocity,  [--products 10000] [--others 2000] [--days 120]
                        forecast, lots) and product page with chart [--sales 20] [--runs 20] [--warmup 3]
              read-api  read API on the embedded store (product by id, [--products 100000] [--rates 200,1000] [--seconds 10]
                        page of 100, barcode) vs FakeOdoo paced as Odoo  [--odoo-pace odoo19] [--odoo-workers 2] [--odoo-seconds 3]
                        19 (read of 1, search_read of 100), open loop    [--odoo-products 2000] [--threads 64]
                        from a child JVM                                 [--sender child|in-process] [--cpu-requests 3000]
              codecs    JMH codec benchmarks (from the source tree)   [JMH options, e.g. -wi 2 -i 3 -f 1]
            """;

    private BenchmarkMain() {
    }

    /** Runs the named benchmark and prints its figures to standard output. */
    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        PrintStream out = System.out;
        switch (argv[0]) {
            case "sync" -> FullSyncBenchmark.run(new Args(rest), out);
            case "heap" -> HeapBenchmark.run(new Args(rest), out);
            case "sync-child" -> {
                if (!HeapBenchmark.child(new Args(rest), out)) {
                    System.exit(1);
                }
            }
            case "webhooks" -> WebhookBenchmark.run(new Args(rest), out);
            case "serve" -> ServeBenchmark.run(new Args(rest), out);
            case "feed" -> FeedBenchmark.run(new Args(rest), out);
            case "portal" -> PortalBenchmark.run(new Args(rest), out);
            case "read-api" -> ReadApiBenchmark.run(new Args(rest), out);
            case "codecs" -> System.exit(CodecLauncher.run(rest, out));
            default -> {
                System.err.print("unknown benchmark '" + argv[0] + "'\n" + USAGE);
                System.exit(2);
            }
        }
        System.exit(0); // embedded servers may leave non-daemon threads behind
    }
}
