package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.RunCounts;
import dev.odoobridge.sync.state.ScanProgress;
import dev.odoobridge.sync.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one (source, model): takes the lease, runs the write_date cursor from the
 * checkpoint minus the overlap (or from the start), applies every page to the projector and
 * stores the checkpoint only after the projector returned and the dependent child records of the
 * page were re-read and applied (so a crash re-reads them too; a full run skips the children of the
 * same model whose parent was written before the run, less the overlap, since it reads them anyway
 * after that parent last changed; likewise the children in another model that the same run read whole, from
 * the start and without failure, of parents written before that read began, less the overlap), renews the
 * lease between pages,
 * optionally reconciles ids (after a run that read the whole model, by looking up only the ids it did
 * not see, {@link UnseenReconciler}; else by counting id ranges), records the run and releases the lease. A run that reads the whole model
 * with more than one reader (or finds an earlier one unfinished) reads it by id ranges in parallel
 * first ({@link IdRangeScan}, progress stored per range), then runs the cursor from the newest
 * write_date seen when that read began, less the overlap. Never throws for a
 * failure of Odoo or the read model: the report says what failed and where the checkpoint stays.
 */
public final class ModelSync {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSync.class);

    private final String source;
    private final OdooReads reads;
    private final EngineSettings settings;
    private final StateStore store;
    private final DependentRefresh dependents;
    private final DependentRefresh.ChildReader childReader;
    private Checkpoint checkpoint;
    private IdRangeScan scan;
    /** Set when this run reads the whole model and reconciles: the ids it saw. */
    private UnseenReconciler unseen;
    /** In a full run, records written before this instant need no refresh of their children of the same model. */
    private Instant settledBefore;
    private long written;
    private long skipped;
    private long deleted;
    private long applied;
    /** Rows read besides the pages of the cursor and of the id ranges (reconciliation, the newest record). */
    private long reconcileRead;
    private long childRead;
    private long childCalls;
    /** Per child model of another model: parents written before this instant need no refresh of those children. */
    private final java.util.Map<String, Instant> childSettledBefore = new java.util.HashMap<>();
    private final WholeReads wholeReads;

    /**
     * Where the child models were read whole in the same run: a child model read from the start by a
     * run that ended well shows, in every record, what a parent committed before that read began holds.
     */
    @FunctionalInterface
    public interface WholeReads {
        /** No child model is read whole in the run. */
        WholeReads NONE = (source, model) -> null;

        /**
         * The instant the whole read of {@code model} in this run began, once it ended well, or null
         * when the run does not read it whole or it failed; may wait for that read to end.
         */
        Instant readWholeSince(String source, String model);
    }

    /**
     * @param source source name
     * @param reads reads on the model of that source
     * @param settings engine settings
     */
    public ModelSync(String source, OdooReads reads, EngineSettings settings) {
        this(source, reads, settings, DependentRefresh.NONE, (model, link, ids, fields) -> List.of());
    }

    /**
     * @param source source name
     * @param reads reads on the model of that source
     * @param settings engine settings
     * @param dependents the child models re-read after records of this model were applied
     * @param childReader reads those children from the same source
     */
    public ModelSync(String source, OdooReads reads, EngineSettings settings, DependentRefresh dependents,
                     DependentRefresh.ChildReader childReader) {
        this(source, reads, settings, dependents, childReader, WholeReads.NONE);
    }

    /**
     * @param source source name
     * @param reads reads on the model of that source
     * @param settings engine settings
     * @param dependents the child models re-read after records of this model were applied
     * @param childReader reads those children from the same source
     * @param wholeReads the child models read whole in the same run: the children of parents written
     *     before such a read began (less the overlap) are not re-read
     */
    public ModelSync(String source, OdooReads reads, EngineSettings settings, DependentRefresh dependents,
                     DependentRefresh.ChildReader childReader, WholeReads wholeReads) {
        this.wholeReads = Objects.requireNonNull(wholeReads, "wholeReads == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.reads = Objects.requireNonNull(reads, "reads == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.store = settings.stateStore();
        this.dependents = Objects.requireNonNull(dependents, "dependents == null");
        this.childReader = Objects.requireNonNull(childReader, "childReader == null");
    }

    /** Runs the sync and reports; failures end up in the report, not as exceptions. */
    public ModelReport run(SyncMode mode, boolean reconcile) {
        String model = reads.model();
        Instant started = settings.clock().instant();
        if (!store.tryAcquireLease(source, model, settings.leaseOwner(), settings.leaseTtl())) {
            String holder = store.leaseHolder(source, model)
                    .map(h -> h.owner() + " until " + h.expiresAt())
                    .orElse("another owner (not " + settings.leaseOwner() + ")");
            ModelReport report = new ModelReport(source, model, RunCounts.ZERO, Duration.ZERO, Outcome.SKIPPED,
                    "leased by " + holder);
            settings.listener().modelFinished(report);
            return report;
        }
        try {
            settings.listener().modelStarted(source, model, mode);
            long runId = store.runStarted(source, model, mode.name().toLowerCase(java.util.Locale.ROOT), started);
            ModelReport report = runLeased(mode, reconcile, started);
            store.runFinished(runId, settings.clock().instant(), report.counts(), report.outcome().label(), report.message());
            settings.listener().modelFinished(report);
            return report;
        } finally {
            store.releaseLease(source, model, settings.leaseOwner());
        }
    }

    private ModelReport runLeased(SyncMode mode, boolean reconcile, Instant started) {
        String model = reads.model();
        checkpoint = store.checkpoint(source, model).orElse(null);
        Instant from = mode == SyncMode.FULL || checkpoint == null ? null : checkpoint.writeDate().minus(settings.overlap());
        settledBefore = mode == SyncMode.FULL ? started.minus(settings.overlap()) : null;
        for (String child : dependents.childModels(model)) {
            Instant since = child.equals(model) ? null : wholeReads.readWholeSince(source, child);
            if (since != null) {
                childSettledBefore.put(child, since.minus(settings.overlap()));
            }
        }
        WriteDateCursor cursor = new WriteDateCursor(reads, settings.pageSize());
        try {
            Optional<ScanProgress> unfinished = unfinishedScan(mode);
            unseen = reconcile && from == null && unfinished.isEmpty() ? new UnseenReconciler() : null;
            if (unfinished.isPresent() || (from == null && settings.readers() > 1)) {
                from = scanByIds(unfinished.orElse(null));
            }
            cursor.run(from, this::applyPage);
            stopIfRequested();
            if (reconcile) {
                Reconciler ranges = new Reconciler(reads, settings.projector(), source, settings.reconcileLeafSize(), true);
                Reconciler.FetchSink fetch = page -> {
                    reconcileRead += page.rows().size();
                    return applyRecords(page.rows(), page.sentAt());
                };
                Optional<Reconciler.Result> quick = unseen == null ? Optional.empty()
                        : unseen.run(reads, settings.projector(), source, ranges, fetch);
                Reconciler.Result result = quick.isPresent() ? quick.get() : ranges.run(fetch);
                deleted += result.deleted();
                settings.listener().reconciled(source, model, result.deleted(), result.missingInMongo().size());
            }
            return report(cursor, started, Outcome.OK, null);
        } catch (Stopped e) {
            String message = "stopped by the engine after the page in flight; checkpoint stays at " + describe(checkpoint)
                    + ", the next run resumes from there";
            LOG.info("sync of {} {} {}", source, model, message);
            Outcome outcome = applied > 0 || deleted > 0 ? Outcome.PARTIAL : Outcome.FAILED;
            return report(cursor, started, outcome, message);
        } catch (RuntimeException e) {
            String message = e.getMessage() + "; checkpoint stays at " + describe(checkpoint)
                    + ", the next run resumes from there";
            LOG.warn("sync of {} {} stopped: {}", source, model, message, e);
            settings.listener().error(source, model, e);
            Outcome outcome = applied > 0 || deleted > 0 ? Outcome.PARTIAL : Outcome.FAILED;
            return report(cursor, started, outcome, message);
        }
    }

    /**
     * The progress of a full read by id ranges that an earlier run left unfinished, to be resumed; a full
     * run forgets it and starts over, and so does a read of other fields.
     */
    private Optional<ScanProgress> unfinishedScan(SyncMode mode) {
        if (mode == SyncMode.FULL) {
            store.deleteScanProgress(source, reads.model());
            return Optional.empty();
        }
        return store.scanProgress(source, reads.model()).filter(p -> p.fields().equals(readFields()));
    }

    /**
     * Reads the whole model by id ranges, {@code readers} pages at once, storing the progress as it goes
     * (or resuming {@code resumed}); then stores the checkpoint at the newest write_date seen when the
     * read began and returns where the write_date cursor must start to catch what changed meanwhile
     * (that write_date less the overlap), or null when the model was empty.
     */
    private Instant scanByIds(ScanProgress resumed) {
        String model = reads.model();
        ScanProgress progress = resumed;
        if (progress == null) {
            OdooReads.Page newest = reads.searchRead(Domains.all(), "write_date desc, id desc", 1, "the newest record");
            reconcileRead += newest.rows().size();
            if (newest.rows().isEmpty()) {
                return null;
            }
            progress = new ScanProgress(source, model, readFields(),
                    WriteDateCursor.secondOf(newest.rows().get(0)), reads.maxId(), 0, settings.clock().instant());
            store.saveScanProgress(progress);
        } else {
            LOG.info("resuming the full read of {} {} after id {} of {}", source, model, progress.doneThroughId(),
                    progress.maxId());
        }
        ScanProgress[] current = {progress};
        scan = new IdRangeScan(reads, settings.pageSize(), settings.readers());
        scan.run(progress.doneThroughId(), progress.maxId(), (rows, fetchedAt) -> {
            applyRecords(rows, fetchedAt);
            if (unseen != null) {
                unseen.saw(rows);
            }
            renewLease();
            stopIfRequested();
        }, id -> {
            current[0] = current[0].doneThrough(id, settings.clock().instant());
            store.saveScanProgress(current[0]);
        });
        Instant newest = progress.newestWriteDate();
        if (checkpoint == null || !newest.isBefore(checkpoint.writeDate())) {
            Checkpoint next = new Checkpoint(source, model, newest, 0, settings.clock().instant());
            store.saveCheckpoint(next);
            checkpoint = next;
        }
        store.deleteScanProgress(source, model);
        return newest.minus(settings.overlap());
    }

    /** The fields read, as an unfinished read by id ranges records them. */
    private String readFields() {
        return String.join(",", reads.fields());
    }

    private void applyPage(List<OdooRecord> rows, Instant fetchedAt, WriteDateCursor.Position complete) {
        if (!rows.isEmpty()) {
            applyRecords(rows, fetchedAt);
            if (unseen != null) {
                unseen.saw(rows);
            }
        }
        if (complete != null && (checkpoint == null || !complete.second().isBefore(checkpoint.writeDate()))) {
            Checkpoint next = new Checkpoint(source, reads.model(), complete.second(), complete.id(), settings.clock().instant());
            store.saveCheckpoint(next);
            checkpoint = next;
        }
        renewLease();
        stopIfRequested();
    }

    /** Ends the run between pages when the engine is stopping (what was applied is checkpointed). */
    private void stopIfRequested() {
        if (settings.stopRequested().getAsBoolean()) {
            throw new Stopped();
        }
    }

    /** The engine asked this run to end; thrown between pages only. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private void renewLease() {
        if (!store.tryAcquireLease(source, reads.model(), settings.leaseOwner(), settings.leaseTtl())) {
            throw new IllegalStateException("lost the lease on " + source + " " + reads.model()
                    + " (another owner took it after it expired; raise the lease ttl above the time of one page)");
        }
    }

    private ApplyResult applyRecords(List<OdooRecord> rows, Instant fetchedAt) {
        ApplyResult result;
        try {
            result = settings.projector().apply(source, reads.model(), rows, fetchedAt);
        } catch (RuntimeException e) {
            throw new SyncStepException("writing " + rows.size() + " " + reads.model() + " records to the read model failed: "
                    + e.getMessage(), e);
        }
        written += result.written();
        skipped += result.skippedStale();
        applied += rows.size();
        settings.listener().pageApplied(source, reads.model(), rows.size(), result);
        refreshDependents(rows);
        return result;
    }

    /** Re-reads the children of the applied rows before the caller may move the checkpoint. */
    private void refreshDependents(List<OdooRecord> rows) {
        if (!dependents.hasDependents(reads.model())) {
            return;
        }
        String model = reads.model();
        java.util.function.Function<String, java.util.Collection<Long>> parentIds = child -> {
            Instant settled = child.equals(model) ? settledBefore : childSettledBefore.get(child);
            return rows.stream()
                    .filter(r -> {
                        Instant written = r.getInstant("write_date");
                        return settled == null || written == null || !written.isBefore(settled);
                    })
                    .map(OdooRecord::id).toList();
        };
        for (DependentRefresh.Refreshed r : dependents.refresh(source, model, parentIds, childReader,
                settings.projector())) {
            childRead += r.rows();
            childCalls += r.calls();
            written += r.result().written();
            skipped += r.result().skippedStale();
            if (r.rows() > 0) {
                settings.listener().pageApplied(source, r.model(), r.rows(), r.result());
            }
        }
    }

    private ModelReport report(WriteDateCursor cursor, Instant started, Outcome outcome, String message) {
        long scanRead = scan == null ? 0 : scan.rowsRead();
        RunCounts counts = new RunCounts(cursor.rowsRead() + scanRead + reconcileRead + childRead, written, skipped, deleted,
                reads.calls() + childCalls);
        Duration duration = Duration.between(started, settings.clock().instant());
        return new ModelReport(source, reads.model(), counts, duration.isNegative() ? Duration.ZERO : duration, outcome, message);
    }

    private static String describe(Checkpoint c) {
        return c == null ? "none (nothing applied yet)" : "write_date " + c.writeDate() + " id " + c.lastId();
    }
}
