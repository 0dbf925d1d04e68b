package dev.odoobridge.benchmarks;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full sync in a child JVM limited to {@code -Xmx256m} (by default) against a FakeOdoo running
 * in this JVM; the child reports its peak heap from the memory pool MXBeans and writes a GC log.
 * The embedded read model store runs in this JVM too and the child writes to it by connection
 * string, so the limit bounds the sync alone (the embedded PostgreSQL is a process of its own anyway),
 * as it would with a MongoDB server.
 */
final class HeapBenchmark {
    /** "Pause ... 195M->59M(256M)": the heap in use after the pause. */
    private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");
    private HeapBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int records = args.integer("records", 100_000);
        String xmx = args.string("xmx", "256m");
        Path work = Files.createTempDirectory("odoo-bridge-heap");
        try (FakeOdoo odoo = FakeOdoo.builder().build().start();
             EmbeddedStore store = ReadModels.serve(work.resolve("mongo"))) {
            out.printf("loading %,d %s into FakeOdoo ...%n", records, PartnerCatalog.MODEL);
            out.printf("loaded in %.1f s (%d per second of write_date)%n",
                    PartnerCatalog.load(odoo, records, args.integer("per-second", 4)), args.integer("per-second", 4));
            Path gcLog = work.resolve("gc.log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                    BenchmarkMain.class.getName(), "sync-child", "--url", odoo.url(), "--db", odoo.database(),
                    "--key", odoo.apiKey(FakeOdoo.ADMIN), "--work", work.resolve("child").toString(),
                    "--store", store.connectionString(),
                    "--page", String.valueOf(args.integer("page", 500)),
                    "--readers", String.valueOf(args.integer("readers", 1))));
            out.println("child JVM: -Xmx" + xmx + ", GC log " + gcLog);
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.println("  child: " + line);
                }
            }
            int exit = child.waitFor();
            List<String> pauses = Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause")).toList();
            long afterGcMax = 0;
            for (String pause : pauses) {
                Matcher m = AFTER_GC.matcher(pause);
                if (m.find()) {
                    afterGcMax = Math.max(afterGcMax, Long.parseLong(m.group(1)));
                }
            }
            long full = pauses.stream().filter(l -> l.contains("Pause Full")).count();
            out.printf("child exit code %d (%s: %s); %d GC pauses logged, %d full; largest heap after a GC %d MB%n", exit,
                    exit == 0 ? "completed" : "FAILED", exit == 0 ? "sync outcome ok" : "sync outcome not ok or crashed",
                    pauses.size(), full, afterGcMax);
        } finally {
            WorkDirs.delete(work);
        }
    }

    /** The child side: syncs everything and prints the peak heap; true when the sync's outcome is ok. */
    static boolean child(Args args, PrintStream out) throws Exception {
        OdooConfig config = OdooConfig.builder().url(args.required("url")).database(args.required("db"))
                .login(FakeOdoo.ADMIN).secret(args.required("key")).transport(Transport.JSON2).build();
        Path work = Path.of(args.required("work"));
        Files.createDirectories(work);
        boolean ok;
        try (OdooClient client = OdooClients.create(config);
             SyncStack stack = new SyncStack(work, "served=" + args.required("store"), client, args.integer("page", 500),
                     args.integer("readers", 1))) {
            long t0 = System.nanoTime();
            ModelReport m = FullSyncBenchmark.single(stack.engine.run(SyncRequest.full()));
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf("full sync %,d records in %.1f s (%,.0f records/s), outcome %s%n",
                    m.counts().read(), s, m.counts().read() / s, m.describeOutcome());
            ok = m.outcome() == Outcome.OK;
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf("peak heap (sum of heap pool peaks) %.1f MB of max %.1f MB%n", peak / 1e6,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1e6);
        return ok;
    }
}
