package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures reads of a configured Odoo through the client against a bare HTTP read of the same pages. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure a configured Odoo (or FakeOdoo): read N pages of a model by id keyset (search_read "
                + "with id > last, ordered by id) through the odoo-bridge client, then the same pages with a bare HTTP "
                + "client posting the same JSON-2, JSON-RPC or XML-RPC body and reading the answer without decoding it.",
            "Prints records/s and per-call latency (p50, p99) of both and their ratio: the client's own cost "
                + "(decoding, typed values) on top of the server and the network. One warm-up page each is not counted."},
        footer = {"%nExamples:%n  odoo-bridge bench --source shop --model product.product --pages 20 --page-size 500",
            "  odoo-bridge bench --source shop --model product.product --sync"})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    OneSource source;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "product.product",
            description = "Model to read (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "10", description = "Pages to read (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "200", description = "Records per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--fields", paramLabel = "FIELD", split = ",",
            description = "Fields to read (default: display_name, write_date).")
    List<String> fields = new ArrayList<>();

    @Option(names = "--sync",
            description = "Instead: run a full sync of the model into the configured read model (a real sync, with "
                    + "the configured page size and readers) and time it next to a bare read of the same records, fields "
                    + "and page size; prints the ratio and the read amplification (records read / records synced).")
    boolean sync;

    private final CommandContext ctx;

    /** A command over the context. */
    public BenchCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (pages < 1 || pageSize < 1) {
            throw new CliFailure(ExitCode.USAGE, "--pages and --page-size must be at least 1");
        }
        List<String> readFields = fields.isEmpty() ? List.of("display_name", "write_date") : List.copyOf(fields);
        BridgeRuntime rt = ctx.runtime();
        String s = source.resolve(rt);
        OdooClient client = rt.odoo(s);
        int uid = client.authenticate();
        Transport transport = client.transport();
        PrintWriter out = ctx.console().out();
        if (sync) {
            return syncBench(rt, s, client, uid, transport, out);
        }
        out.printf("bench %s %s: %d page(s) of %d, fields %s, transport %s%n", s, model, pages, pageSize,
                String.join(",", readFields), transport);
        out.flush();

        SearchOptions opts = SearchOptions.DEFAULT.order("id").limit(pageSize);
        client.model(model).searchRead(Domains.gt("id", 0L), readFields, opts);
        long[] afterIds = new long[pages];
        long[] clientNanos = new long[pages];
        long records = 0;
        int calls = 0;
        long last = 0;
        for (int i = 0; i < pages; i++) {
            afterIds[i] = last;
            long t0 = System.nanoTime();
            List<OdooRecord> page = client.model(model).searchRead(Domains.gt("id", last), readFields, opts);
            clientNanos[i] = System.nanoTime() - t0;
            calls++;
            records += page.size();
            if (page.size() < pageSize) {
                break;
            }
            last = page.get(page.size() - 1).id();
        }
        if (records == 0) {
            throw new CliFailure(ExitCode.USAGE, model + " has no records in " + s + ": nothing to measure");
        }

        OdooConfig c = client.config();
        BareReader bare = new BareReader(transport, c.url(), c.database(), uid, c.secret(), model, readFields,
                c.requestTimeout());
        bare.page(0, pageSize);
        long[] bareNanos = new long[calls];
        long bytes = 0;
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            bytes += bare.page(afterIds[i], pageSize);
            bareNanos[i] = System.nanoTime() - t0;
        }

        Stats mine = Stats.of(Arrays.copyOf(clientNanos, calls), records);
        Stats base = Stats.of(bareNanos, records);
        Table t = new Table("reader", "calls", "records", "seconds", "records/s", "p50 ms", "p99 ms");
        t.row("odoo-bridge client", calls, records, f3(mine.seconds()), f0(mine.perSecond()), f2(mine.p50Ms()), f2(mine.p99Ms()));
        t.row("bare HTTP (" + kib(bytes) + ")", calls, records, f3(base.seconds()), f0(base.perSecond()), f2(base.p50Ms()),
                f2(base.p99Ms()));
        t.print(out);
        out.printf(Locale.ROOT, "ratio client/bare: %.2f× the time (%.0f%% of the bare records/s)%n",
                mine.seconds() / base.seconds(), 100 * mine.perSecond() / base.perSecond());
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * A full sync of the model into the configured read model, timed, next to a bare read of the same
     * records, fields and page size (id keyset, answers not decoded), and the read amplification.
     */
    private Integer syncBench(BridgeRuntime rt, String s, OdooClient client, int uid, Transport transport, PrintWriter out)
            throws IOException, InterruptedException {
        if (!rt.projections().stream().anyMatch(p -> p.model().equals(model))) {
            throw new CliFailure(ExitCode.USAGE, model + " is not a synced model (sync.models in the configuration)");
        }
        SyncEngine engine = rt.syncEngine(SyncListener.NONE);
        List<String> readFields = engine.schema(s).model(model).readFields();
        int size = rt.config().sync().pageSize();
        out.printf("bench --sync %s %s: full sync, pages of %d, %d fields (%s), transport %s, %d reader(s)%n", s, model,
                size, readFields.size(), String.join(",", readFields), transport, rt.config().sync().readers());
        out.flush();

        OdooConfig c = client.config();
        BareReader bare = new BareReader(transport, c.url(), c.database(), uid, c.secret(), model, readFields,
                c.requestTimeout());
        bare.page(0, size);
        long t0 = System.nanoTime();
        SyncReport report = engine.run(SyncRequest.full().withSources(s).withModels(model));
        double syncSeconds = (System.nanoTime() - t0) / 1e9;
        ModelReport m = report.get(s, model).orElseThrow(() -> new CliFailure(ExitCode.FAILURE, "no report for " + model));

        // the bare reader does not decode: the page boundaries come from the ids, read before the clock starts
        List<Long> ids = client.model(model).search(Domains.all(), SearchOptions.DEFAULT.order("id"));
        long synced = client.model(model).searchCount(Domains.all(), SearchOptions.DEFAULT.includeArchived());
        long t1 = System.nanoTime();
        int calls = 0;
        for (int from = 0; from == 0 || from < ids.size(); from += size) {
            bare.page(from == 0 ? 0 : ids.get(from - 1), size);
            calls++;
        }
        double bareSeconds = (System.nanoTime() - t1) / 1e9;
        long records = ids.size();

        Table t = new Table("reader", "calls", "records read", "seconds", "records/s");
        t.row("full sync (" + m.describeOutcome() + ")", m.counts().calls(), m.counts().read(), f3(syncSeconds),
                f0(m.counts().read() / Math.max(syncSeconds, 1e-9)));
        t.row("bare read, same pages and fields", calls, records, f3(bareSeconds), f0(records / Math.max(bareSeconds, 1e-9)));
        t.print(out);
        out.printf(Locale.ROOT, "ratio full sync / bare read: %.2f× the time%n", syncSeconds / bareSeconds);
        out.printf(Locale.ROOT, "read amplification: %,d records read / %,d records synced = %.3f%n", m.counts().read(),
                synced, (double) m.counts().read() / Math.max(1, synced));
        out.flush();
        return m.outcome() == Outcome.OK ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    private static String kib(long bytes) {
        return bytes < 10 * 1024 ? bytes + " B" : bytes / 1024 + " KiB";
    }

    private static String f0(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    private static String f2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String f3(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    /** Totals and nearest-rank percentiles of one reader's calls. */
    record Stats(double seconds, double perSecond, double p50Ms, double p99Ms) {
        static Stats of(long[] nanos, long records) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            long total = Arrays.stream(sorted).sum();
            double seconds = total / 1e9;
            return new Stats(seconds, records / Math.max(seconds, 1e-9), rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6);
        }

        static long rank(long[] sorted, double p) {
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }
}
