package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.RunRecord;
import dev.odoobridge.sync.state.StateStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows checkpoints, their lag and the last runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each (source, model) checkpoint with its lag (now minus the checkpoint's write_date) "
                + "and the most recent runs.",
        footer = {"%nExample:%n  odoo-bridge sync status --runs 20"})
public final class SyncStatusCommand implements Runnable {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
            description = "How many recent runs to list (default: ${DEFAULT-VALUE}).")
    int runs;

    private final CommandContext ctx;

    /** A command over the context. */
    public SyncStatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        StateStore store = ctx.runtime().stateDatabase().stateStore();
        PrintWriter out = ctx.console().out();
        Instant now = Instant.now();
        out.println("Checkpoints:");
        Table t = new Table("source", "model", "write_date", "last id", "lag", "updated");
        store.checkpoints().stream().sorted(Comparator.comparing(Checkpoint::source).thenComparing(Checkpoint::model))
                .forEach(c -> t.row(c.source(), c.model(), c.writeDate(), c.lastId(),
                        human(Duration.between(c.writeDate(), now)), c.updatedAt()));
        if (t.isEmpty()) {
            out.println("  none yet: run `odoo-bridge sync run`");
        } else {
            t.print(out);
        }
        out.println();
        out.println("Last runs:");
        Table r = new Table("id", "source", "model", "kind", "started", "took", "outcome", "read", "written",
                "deleted", "error");
        for (RunRecord run : store.recentRuns(Math.max(1, runs))) {
            r.row(run.id(), run.source(), run.model(), run.kind(), run.startedAt(),
                    run.finishedAt() == null ? "running" : human(Duration.between(run.startedAt(), run.finishedAt())),
                    run.outcome(), run.counts() == null ? "" : run.counts().read(),
                    run.counts() == null ? "" : run.counts().written(),
                    run.counts() == null ? "" : run.counts().deleted(), run.error() == null ? "" : run.error());
        }
        if (r.isEmpty()) {
            out.println("  none yet");
        } else {
            r.print(out);
        }
        out.flush();
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return d.toMillis() < 10_000 && d.toMillis() >= 0 ? String.format("%.1f s", d.toMillis() / 1000.0) : s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172_800) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }
}
