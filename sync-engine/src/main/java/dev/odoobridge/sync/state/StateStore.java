package dev.odoobridge.sync.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable sync state: checkpoints, run history and leases, keyed by (source, model). The
 * PostgreSQL implementation is the production one; every method is atomic on its own.
 */
public interface StateStore {

    /** The stored checkpoint, if any. */
    Optional<Checkpoint> checkpoint(String source, String model);

    /** Stores the checkpoint; only called after MongoDB acknowledged everything up to it. */
    void saveCheckpoint(Checkpoint checkpoint);

    /** Removes the checkpoint and any unfinished full read's progress (next run is a full sync from the start). */
    void deleteCheckpoint(String source, String model);

    /** The progress of an unfinished full read by id ranges, if any. */
    Optional<ScanProgress> scanProgress(String source, String model);

    /** Stores the progress of a full read by id ranges; only called after MongoDB acknowledged everything up to it. */
    void saveScanProgress(ScanProgress progress);

    /** Forgets the progress of a full read by id ranges (it finished, or must start over). */
    void deleteScanProgress(String source, String model);

    /** All checkpoints, for status. */
    List<Checkpoint> checkpoints();

    /** Records the start of a run and returns its id. */
    long runStarted(String source, String model, String kind, Instant startedAt);

    /** Records the end of a run. */
    void runFinished(long runId, Instant finishedAt, RunCounts counts, String outcome, String error);

    /** The most recent runs, newest first. */
    List<RunRecord> recentRuns(int limit);

    /**
     * Takes or renews the lease on (source, model) for {@code owner} if it is free, expired, or
     * already held by the same owner. Returns true when {@code owner} holds it afterwards.
     */
    boolean tryAcquireLease(String source, String model, String owner, Duration ttl);

    /**
     * Who holds the lease on (source, model) and until when, if an unexpired lease exists. The
     * default knows nothing; stores that can tell override it (the PostgreSQL store does).
     */
    default Optional<LeaseHolder> leaseHolder(String source, String model) {
        return Optional.empty();
    }

    /**
     * The current holder of a lease.
     *
     * @param owner the holder's owner id
     * @param expiresAt when the lease expires unless renewed
     */
    record LeaseHolder(String owner, Instant expiresAt) {
    }

    /** Releases the lease if {@code owner} holds it. */
    void releaseLease(String source, String model, String owner);
}
