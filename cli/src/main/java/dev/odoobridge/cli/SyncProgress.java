package dev.odoobridge.cli;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a sync's progress on the stream it is given: a progress bar when one is wanted (a terminal),
 * otherwise a line when a model starts and one when it is finished. Keeps the failures so a command can report their cause.
 * Thread-safe (models sync in parallel); never throws.
 */
public final class SyncProgress implements SyncListener, AutoCloseable {
    /** Characters the bar line takes; terminals that do not report their width would get a 1-cell bar. */
    private static final int RENDERED_WIDTH = 100;

    private final PrintWriter stream;
    private final long expected;
    private final ProgressBar bar;
    private final List<Throwable> errors = new ArrayList<>();
    private long done;

    /**
     * Progress on {@code stream}.
     *
     * @param expectedRecords how many records the sync will likely read, or 0 when unknown
     * @param drawBar         a redrawn bar instead of one line per model
     */
    public SyncProgress(PrintWriter stream, long expectedRecords, boolean drawBar) {
        this.stream = Objects.requireNonNull(stream, "stream == null");
        this.expected = expectedRecords;
        this.bar = drawBar ? new ProgressBarBuilder().setTaskName("sync").setInitialMax(expectedRecords > 0 ? expectedRecords : -1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" records", 1).showSpeed()
                .setConsumer(new StreamConsumer(stream)).build() : null;
    }

    @Override
    public synchronized void modelStarted(String source, String model, SyncMode mode) {
        if (bar == null) {
            stream.println("sync " + source + " " + model + " (" + mode.name().toLowerCase(Locale.ROOT) + ")");
            stream.flush();
        }
    }

    @Override
    public synchronized void pageApplied(String source, String model, int records, ApplyResult result) {
        done += records;
        if (bar != null) {
            if (expected > 0 && done > bar.getMax()) {
                bar.maxHint(done);
            }
            bar.stepTo(done);
            bar.setExtraMessage(" " + source + " " + model);
        }
    }

    @Override
    public synchronized void error(String source, String model, Throwable error) {
        errors.add(error);
    }

    @Override
    public synchronized void modelFinished(ModelReport report) {
        if (bar == null) {
            stream.printf(Locale.ROOT, "  %s %s: %s, %d read, %d written (%.1f s)%s%n", report.source(), report.model(),
                    report.describeOutcome(), report.counts().read(), report.counts().written(),
                    report.duration().toMillis() / 1000.0, expected > 0 ? "  [" + done + " of ~" + expected + "]" : "");
            stream.flush();
        }
    }

    /** The failures seen, in order. */
    public synchronized List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /** Records applied so far. */
    public synchronized long records() {
        return done;
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            if (expected > 0) {
                bar.maxHint(Math.max(done, 1));
            }
            bar.stepTo(done);
            bar.close();
        }
    }

    /** Redraws the bar in place on the stream. */
    private record StreamConsumer(PrintWriter stream) implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return RENDERED_WIDTH;
        }

        @Override
        public void accept(String rendered) {
            stream.print('\r');
            stream.print(rendered);
            stream.flush();
        }

        @Override
        public void close() {
            stream.println();
            stream.flush();
        }
    }
}
