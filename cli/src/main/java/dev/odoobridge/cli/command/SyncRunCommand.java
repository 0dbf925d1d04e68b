package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.SyncProgress;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a full or incremental sync. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Sync Odoo into MongoDB: incremental from each checkpoint (minus the overlap window), "
                + "or --full from the beginning. Prints a summary table.",
            "Exit code 11 (partial failure) when some models failed and others succeeded."},
        footer = {"%nExamples:%n  odoo-bridge sync run",
            "  odoo-bridge sync run --source shop --model product.product --full --reconcile"})
public final class SyncRunCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "NAME", split = ",",
            description = "Only these sources (repeatable or comma-separated; default: all).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", split = ",",
            description = "Only these models (repeatable or comma-separated; default: every synced model).")
    List<String> models = new ArrayList<>();

    @Option(names = "--full", description = "Read everything from the beginning, ignoring the checkpoints.")
    boolean full;

    @Option(names = "--reconcile", description = "Also remove what Odoo no longer has (implied by --full).")
    boolean reconcile;

    private final CommandContext ctx;

    /** A command over the context. */
    public SyncRunCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BridgeRuntime rt = ctx.runtime();
        List<String> src = Selection.sources(rt, sources);
        List<String> mod = Selection.models(rt, models);
        SyncRequest request = new SyncRequest(sources.isEmpty() ? Set.of() : Set.copyOf(src),
                models.isEmpty() ? Set.of() : Set.copyOf(mod), full ? SyncMode.FULL : SyncMode.INCREMENTAL,
                full || reconcile);
        SyncReport report;
        try (SyncProgress progress = new SyncProgress(ctx.console().err(), 0, ctx.options().progress())) {
            report = rt.syncEngine(progress).run(request);
            printSummary(report);
            printFeaturesOff(rt, src);
            if (report.outcome() == Outcome.FAILED && !progress.errors().isEmpty()
                    && report.models().stream().allMatch(m -> m.outcome() == Outcome.FAILED)) {
                Throwable cause = progress.errors().get(0);
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new CliFailure(ExitCode.FAILURE, "sync failed: " + cause, cause);
            }
        }
        return switch (report.outcome()) {
            case OK, SKIPPED -> ExitCode.OK.code();
            case PARTIAL, FAILED -> ExitCode.PARTIAL.code();
        };
    }

    /** The features the servers' schemas turned off, with what to do (`odoo-bridge check` lists them all). */
    private void printFeaturesOff(BridgeRuntime rt, List<String> sourceNames) {
        for (String source : sourceNames) {
            rt.serverSchemas().cached(source).ifPresent(schema -> schema.features().stream().filter(f -> !f.on())
                    .forEach(f -> ctx.console().out().println(source + ": " + f.describe())));
        }
        ctx.console().out().flush();
    }

    private void printSummary(SyncReport report) {
        Table t = new Table("source", "model", "outcome", "read", "written", "skipped", "deleted", "calls", "time");
        for (ModelReport m : report.models()) {
            t.row(m.source(), m.model(), m.outcome().label(), m.counts().read(), m.counts().written(),
                    m.counts().skipped(), m.counts().deleted(), m.counts().calls(),
                    String.format("%.1f s", m.duration().toMillis() / 1000.0));
        }
        t.print(ctx.console().out());
        report.models().stream().filter(m -> m.outcome() == Outcome.FAILED || m.outcome() == Outcome.PARTIAL
                        || m.outcome() == Outcome.SKIPPED)
                .forEach(m -> ctx.console().out().println(m.source() + " " + m.model() + ": " + m.describeOutcome()));
        long read = report.models().stream().mapToLong(m -> m.counts().read()).sum();
        ctx.console().out().printf("%s: %d models, %d records read in %.1f s%n", report.outcome().label(),
                report.models().size(), read, report.duration().toMillis() / 1000.0);
        ctx.console().out().flush();
    }
}
