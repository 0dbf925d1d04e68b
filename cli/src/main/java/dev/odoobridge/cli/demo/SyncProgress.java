package dev.odoobridge.cli.demo;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.SyncListener;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the full sync's progress: a progress bar on stderr when drawing one is wanted, otherwise
 * one plain line per finished model. Thread-safe (models sync in parallel); never throws.
 */
final class SyncProgress implements SyncListener, AutoCloseable {
    /** Characters the bar line takes; terminals that do not report their width would get a 1-cell bar. */
    private static final int RENDERED_WIDTH = 100;

    private final Narrator narrator;
    private final ProgressBar bar;
    private final AtomicLong done = new AtomicLong();
    private final long expected;

    SyncProgress(Narrator narrator, long expectedRecords, boolean drawBar) {
        this.narrator = narrator;
        this.expected = expectedRecords;
        this.bar = drawBar ? new ProgressBarBuilder().setTaskName("full sync").setInitialMax(expectedRecords)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" records", 1).showSpeed().setMaxRenderedLength(RENDERED_WIDTH)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    @Override
    public void pageApplied(String source, String model, int records, ApplyResult result) {
        long now = done.addAndGet(records);
        if (bar != null) {
            synchronized (bar) {
                if (now > bar.getMax()) {
                    bar.maxHint(now);
                }
                bar.stepTo(now);
                bar.setExtraMessage(" " + model);
            }
        }
    }

    @Override
    public void modelFinished(ModelReport report) {
        if (bar == null) {
            synchronized (narrator) {
                narrator.line("%-28s %7d records  %6.2f s  %s   [%d of ~%d]", report.model(), report.counts().read(),
                        report.duration().toMillis() / 1000.0, report.describeOutcome(), done.get(), expected);
            }
        }
    }

    /** Records applied so far. */
    long records() {
        return done.get();
    }

    @Override
    public void close() {
        if (bar != null) {
            synchronized (bar) {
                bar.maxHint(Math.max(done.get(), 1));
                bar.stepTo(done.get());
                bar.close();
            }
        }
    }
}
