package dev.odoobridge.cli.command;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows sync progress: a progress bar on a terminal, otherwise one line per finished model.
 * Keeps the failures so the command can report the cause. Never throws.
 */
final class SyncProgress implements SyncListener, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;
    private final List<Throwable> errors = new ArrayList<>();

    SyncProgress(PrintWriter err, boolean progressBar) {
        this.err = err;
        this.bar = progressBar ? new ProgressBarBuilder().setTaskName("sync").setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" rec", 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    @Override
    public synchronized void modelStarted(String source, String model, SyncMode mode) {
        if (bar != null) {
            bar.setExtraMessage(source + " " + model);
        } else {
            err.println("sync " + source + " " + model + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")");
            err.flush();
        }
    }

    @Override
    public synchronized void pageApplied(String source, String model, int records, ApplyResult result) {
        if (bar != null) {
            bar.stepBy(records);
        }
    }

    @Override
    public synchronized void error(String source, String model, Throwable error) {
        errors.add(error);
    }

    @Override
    public synchronized void modelFinished(ModelReport report) {
        if (bar == null) {
            err.printf("  %s %s: %s, %d read, %d written (%.1f s)%n", report.source(), report.model(),
                    report.describeOutcome(), report.counts().read(), report.counts().written(),
                    report.duration().toMillis() / 1000.0);
            err.flush();
        }
    }

    /** The failures seen, in order. */
    synchronized List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
