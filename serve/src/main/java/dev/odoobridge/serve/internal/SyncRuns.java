package dev.odoobridge.serve.internal;

import dev.odoobridge.readmodel.changes.ChangeLog;
import dev.odoobridge.serve.Schedule;
import dev.odoobridge.serve.SyncRun;
import dev.odoobridge.sync.DriftReport;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.VerifyOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sync engine one run at a time on its own thread: the scheduled incremental runs (a tick
 * finding a run queued or in progress is skipped), the scheduled reconcile-and-verify runs and the
 * runs triggered through the admin API (both queued). Keeps the last {@value #KEPT} runs. Stopping
 * asks the engine to end after the page in flight and drops the queued runs (marked skipped).
 */
public final class SyncRuns implements AutoCloseable {
    static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SyncRuns.class);

    private final SyncEngine engine;
    private final ChangeLog changes;
    private final Schedule schedule;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final Deque<SyncRun> runs = new ArrayDeque<>();
    private final ExecutorService runner;
    private final ScheduledExecutorService timer;
    private volatile Instant nextIncremental;
    private volatile Instant nextReconcile;
    private volatile boolean stopping;

    /** Not started yet; reconcile runs purge the change log's tombstones past its horizon when one is given. */
    public SyncRuns(SyncEngine engine, Schedule schedule, Clock clock, ChangeLog changes) {
        this.engine = engine;
        this.changes = changes;
        this.schedule = schedule;
        this.clock = clock;
        this.runner = Executors.newSingleThreadExecutor(r -> daemon(r, "serve-sync"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "serve-scheduler"));
    }

    /** Starts the schedule. */
    public void start() {
        schedule.incremental().ifPresent(every -> {
            nextIncremental = clock.instant().plus(every);
            timer.scheduleAtFixedRate(this::incrementalTick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        });
        scheduleReconcile();
    }

    /** The schedule. */
    public Schedule schedule() {
        return schedule;
    }

    /** When the next incremental run is due, if scheduled. */
    public Optional<Instant> nextIncremental() {
        return Optional.ofNullable(nextIncremental);
    }

    /** When the next reconcile run is due, if scheduled. */
    public Optional<Instant> nextReconcile() {
        return Optional.ofNullable(nextReconcile);
    }

    /** Queues a run; returns it in state {@code queued} (or {@code skipped} when stopping). */
    public SyncRun trigger(SyncRequest request, boolean verify, String trigger) {
        SyncRun run = new SyncRun(ids.incrementAndGet(), trigger, request.mode().name().toLowerCase(Locale.ROOT),
                request.reconcile(), verify, "queued", clock.instant(), null, null, null, List.of(), null);
        if (stopping) {
            run = finished(run, "skipped", null, List.of(), "the process is stopping");
            record(run);
            return run;
        }
        record(run);
        open.incrementAndGet();
        long id = run.id();
        SyncRun queued = run;
        try {
            runner.execute(() -> execute(queued, request, verify));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            open.decrementAndGet();
            replace(finished(run, "skipped", null, List.of(), "the process is stopping"));
        }
        return get(id).orElse(run);
    }

    /** A run by id, while it is among the kept ones. */
    public synchronized Optional<SyncRun> get(long id) {
        return runs.stream().filter(r -> r.id() == id).findFirst();
    }

    /** The kept runs, newest first. */
    public synchronized List<SyncRun> recent() {
        List<SyncRun> out = new ArrayList<>(runs);
        java.util.Collections.reverse(out);
        return out;
    }

    private void incrementalTick() {
        nextIncremental = clock.instant().plus(schedule.incrementalEvery());
        if (open.get() > 0) {
            LOG.debug("scheduled incremental sync skipped: a run is still queued or in progress");
            return;
        }
        trigger(SyncRequest.incremental(), false, "incremental");
    }

    private void scheduleReconcile() {
        if (schedule.reconcile() == null || stopping) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), schedule.zone());
        Optional<ZonedDateTime> next = schedule.reconcile().next(now);
        if (next.isEmpty()) {
            LOG.warn("the reconcile schedule '{}' never matches: no reconcile run is scheduled", schedule.reconcile());
            nextReconcile = null;
            return;
        }
        nextReconcile = next.get().toInstant();
        long delay = Math.max(0, Duration.between(clock.instant(), nextReconcile).toMillis());
        try {
            timer.schedule(() -> {
                trigger(SyncRequest.incremental().withReconcile(true), true, "reconcile");
                scheduleReconcile();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private void execute(SyncRun queued, SyncRequest request, boolean verify) {
        long id = queued.id();
        try {
            if (stopping) {
                replace(finished(queued, "skipped", null, List.of(), "the process is stopping"));
                return;
            }
            SyncRun running = new SyncRun(id, queued.trigger(), queued.mode(), queued.reconcile(), queued.verify(),
                    "running", queued.queuedAt(), clock.instant(), null, null, List.of(), null);
            replace(running);
            try {
                SyncReport report = engine.run(request);
                List<String> lines = new ArrayList<>();
                for (ModelReport m : report.models()) {
                    lines.add(m.source() + " " + m.model() + ": " + m.describeOutcome());
                }
                boolean skippedAll = !report.models().isEmpty()
                        && report.models().stream().allMatch(m -> m.outcome() == Outcome.SKIPPED);
                if (verify && !stopping) {
                    lines.addAll(verify(report));
                }
                if (request.reconcile() && changes != null && !stopping) {
                    lines.add(purgeTombstones());
                }
                if (skippedAll) {
                    LOG.debug("sync run {} ({}) skipped: every model is leased by another process or the engine stopped",
                            id, running.trigger());
                } else if (report.outcome() != Outcome.OK) {
                    LOG.warn("sync run {} ({}) ended {}", id, running.trigger(), report.outcome().label());
                }
                replace(finished(running, skippedAll ? "skipped" : "done", report.outcome().label(), lines, null));
            } catch (RuntimeException e) {
                LOG.warn("sync run {} ({}) failed: {}", id, running.trigger(), e.getMessage(), e);
                replace(finished(running, "failed", Outcome.FAILED.label(), List.of(), e.getMessage()));
            }
        } finally {
            open.decrementAndGet();
        }
    }

    /** Tombstones older than the read model's horizon go, so the change log does not grow for ever. */
    private String purgeTombstones() {
        try {
            return "tombstones purged: " + changes.purgeTombstones();
        } catch (RuntimeException e) {
            LOG.warn("purging tombstones failed: {}", e.getMessage());
            return "tombstones not purged: " + e.getMessage();
        }
    }

    private List<String> verify(SyncReport report) {
        List<String> lines = new ArrayList<>();
        for (ModelReport m : report.models()) {
            if (m.outcome() != Outcome.OK || stopping) {
                continue;
            }
            try {
                DriftReport drift = engine.verify(m.source(), m.model(), VerifyOptions.defaults());
                lines.add(m.source() + " " + m.model() + ": verify " + (drift.isClean() ? "clean"
                        : "drift (odoo " + drift.odooCount() + ", read model " + drift.mongoCount() + ")"));
                if (!drift.isClean()) {
                    LOG.warn("verify of {} {} found drift: odoo {} records, read model {}", m.source(), m.model(),
                            drift.odooCount(), drift.mongoCount());
                }
            } catch (RuntimeException e) {
                lines.add(m.source() + " " + m.model() + ": verify failed: " + e.getMessage());
            }
        }
        return lines;
    }

    private SyncRun finished(SyncRun r, String state, String outcome, List<String> lines, String error) {
        return new SyncRun(r.id(), r.trigger(), r.mode(), r.reconcile(), r.verify(), state, r.queuedAt(), r.startedAt(),
                clock.instant(), outcome, lines, error);
    }

    private synchronized void record(SyncRun run) {
        runs.addLast(run);
        while (runs.size() > KEPT) {
            runs.removeFirst();
        }
    }

    /** Replaces the kept run of the same id, or keeps this one anew when it had been dropped. */
    private synchronized void replace(SyncRun run) {
        List<SyncRun> all = new ArrayList<>(runs);
        runs.clear();
        boolean found = false;
        for (SyncRun r : all) {
            found |= r.id() == run.id();
            runs.addLast(r.id() == run.id() ? run : r);
        }
        if (!found) {
            record(run);
        }
    }

    /**
     * Stops the schedule, asks the engine to end its run after the page in flight, drops the queued
     * runs and waits up to {@code timeout} for the run in progress. Returns true when it ended in time.
     */
    public boolean stop(Duration timeout) {
        stopping = true;
        timer.shutdownNow();
        engine.stop();
        runner.shutdown();
        try {
            return runner.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
