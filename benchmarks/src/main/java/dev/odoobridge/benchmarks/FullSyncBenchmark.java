package dev.odoobridge.benchmarks;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.ServingPace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Full sync of N partners from FakeOdoo (JSON-2) into the embedded read model, next to a bare
 * client reading the same model page by page in the same run; then the incremental run after
 * 100 changes (cost must follow the changes, not the size). FakeOdoo serves at its own speed or at
 * a {@link ServingPace} (e.g. the measured speed of a real Odoo 19, with a number of workers); the
 * sync reads one page at a time or {@code --readers} at once.
 */
final class FullSyncBenchmark {
    private FullSyncBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int records = args.integer("records", 100_000);
        int pageSize = args.integer("page", 500);
        int changes = args.integer("changes", 100);
        int readers = args.integer("readers", 1);
        int perSecond = args.integer("per-second", 4);
        String paceText = args.string("odoo-pace", "none");
        ServingPace pace = ServingPace.parse(paceText, args.integer("odoo-workers", 2));
        Path work = Files.createTempDirectory("odoo-bridge-bench");
        try (FakeOdoo odoo = FakeOdoo.builder().pace(pace).build().start()) {
            out.printf("read model store: %s; Odoo pace: %s; sync page readers: %d%n", args.string("store", "file"),
                    pace.isNone() ? "none (FakeOdoo's own speed)" : paceText + " = " + pace.describe(), readers);
            out.printf("loading %,d %s into FakeOdoo, %d per second of write_date ...%n", records, PartnerCatalog.MODEL,
                    perSecond);
            out.printf("loaded in %.1f s%n", PartnerCatalog.load(odoo, records, perSecond));
            try (OdooClient client = odoo.client(Transport.JSON2); SyncStack stack = new SyncStack(work, args.string("store", "file"), client, pageSize,
                     readers)) {
                double bare1 = bare(client, pageSize, out, "bare client, pass 1 (warm-up)");
                long t0 = System.nanoTime();
                SyncReport report = stack.engine.run(SyncRequest.full());
                double sync = (System.nanoTime() - t0) / 1e9;
                ModelReport m = single(report);
                out.printf("full sync: %,d records in %.2f s = %,.0f records/s; %,d Odoo calls; read model apply %.2f s (%.0f %%), "
                                + "stored-id counts for the reconciliation %.2f s; outcome %s%n",
                        m.counts().read(), sync, records / sync, m.counts().calls(), stack.projector.applySeconds(),
                        100 * stack.projector.applySeconds() / sync, stack.projector.lookupSeconds(), m.describeOutcome());
                out.printf("read amplification (records read / records synced): %,d / %,d = %.3f (goal <= 1.05)%n",
                        m.counts().read(), records, (double) m.counts().read() / records);
                double bare2 = bare(client, pageSize, out, "bare client, pass 2");
                double bare = Math.min(bare1, bare2);
                out.printf("sync time / bare read time = %.2f (sync adds %.0f %% to the time Odoo serves the pages; goal < 15 %%)%n",
                        sync / bare, 100 * (sync / bare - 1));
                incremental(client, stack, changes, out);
            }
        } finally {
            WorkDirs.delete(work);
        }
    }

    private static void incremental(OdooClient client, SyncStack stack, int changes, PrintStream out) {
        long t0 = System.nanoTime();
        ModelReport idle = single(stack.engine.run(SyncRequest.incremental()));
        double idleSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("incremental, 0 changes: %.3f s, %d Odoo calls, %d records read%n",
                idleSeconds, idle.counts().calls(), idle.counts().read());
        var partners = client.model(PartnerCatalog.MODEL);
        int step = Math.max(1, (int) (partners.searchCount(dev.odoobridge.client.domain.Domains.all(),
                dev.odoobridge.client.SearchOptions.DEFAULT.includeArchived()) / changes));
        for (int i = 0; i < changes; i++) {
            long id = 1L + (long) i * step;
            partners.write(java.util.List.of(id), java.util.Map.of("city", "Changed " + i));
        }
        t0 = System.nanoTime();
        ModelReport changed = single(stack.engine.run(SyncRequest.incremental()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("incremental, %d changes: %.3f s, %d Odoo calls, %d records read, %d written; outcome %s%n",
                changes, seconds, changed.counts().calls(), changed.counts().read(), changed.counts().written(),
                changed.describeOutcome());
    }

    private static double bare(OdooClient client, int pageSize, PrintStream out, String label) {
        long t0 = System.nanoTime();
        long[] counts = ClientPageReader.readAll(client, pageSize);
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf("%s: %,d records in %.2f s = %,.0f records/s; %,d Odoo calls%n", label, counts[0], s, counts[0] / s, counts[1]);
        return s;
    }

    static ModelReport single(SyncReport report) {
        return report.get(SyncStack.SOURCE, PartnerCatalog.MODEL).orElseThrow(
                () -> new IllegalStateException("no report for " + PartnerCatalog.MODEL + ": " + report));
    }
}
