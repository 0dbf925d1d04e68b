package dev.odoobridge.sync.testing;

import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.ScanProgress;
import dev.odoobridge.sync.state.RunCounts;
import dev.odoobridge.sync.state.RunRecord;
import dev.odoobridge.sync.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link StateStore} in memory with leases that expire by the given clock. Every method is atomic. */
public final class InMemoryStateStore implements StateStore {
    private record Lease(String owner, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Checkpoint> checkpoints = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final List<RunRecord> runs = new ArrayList<>();
    private final List<Checkpoint> saved = new ArrayList<>();
    private final Map<String, ScanProgress> scans = new HashMap<>();
    private final List<ScanProgress> savedScans = new ArrayList<>();

    /** A store whose lease expiry follows {@code clock}. */
    public InMemoryStateStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Checkpoint> checkpoint(String source, String model) {
        return Optional.ofNullable(checkpoints.get(key(source, model)));
    }

    @Override
    public synchronized void saveCheckpoint(Checkpoint checkpoint) {
        checkpoints.put(key(checkpoint.source(), checkpoint.model()), checkpoint);
        saved.add(checkpoint);
    }

    @Override
    public synchronized void deleteCheckpoint(String source, String model) {
        checkpoints.remove(key(source, model));
        scans.remove(key(source, model));
    }

    @Override
    public synchronized Optional<ScanProgress> scanProgress(String source, String model) {
        return Optional.ofNullable(scans.get(key(source, model)));
    }

    @Override
    public synchronized void saveScanProgress(ScanProgress progress) {
        scans.put(key(progress.source(), progress.model()), progress);
        savedScans.add(progress);
    }

    @Override
    public synchronized void deleteScanProgress(String source, String model) {
        scans.remove(key(source, model));
    }

    /** Every full read progress ever saved, in order. */
    public synchronized List<ScanProgress> savedScanProgress() {
        return List.copyOf(savedScans);
    }

    @Override
    public synchronized List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints.values());
    }

    /** Every checkpoint ever saved, in order. */
    public synchronized List<Checkpoint> savedCheckpoints() {
        return List.copyOf(saved);
    }

    @Override
    public synchronized long runStarted(String source, String model, String kind, Instant startedAt) {
        long id = runs.size() + 1;
        runs.add(new RunRecord(id, source, model, kind, startedAt, null, RunCounts.ZERO, null, null));
        return id;
    }

    @Override
    public synchronized void runFinished(long runId, Instant finishedAt, RunCounts counts, String outcome, String error) {
        RunRecord r = runs.get((int) runId - 1);
        runs.set((int) runId - 1, new RunRecord(r.id(), r.source(), r.model(), r.kind(), r.startedAt(), finishedAt,
                counts, outcome, error));
    }

    @Override
    public synchronized List<RunRecord> recentRuns(int limit) {
        return runs.stream().sorted(Comparator.comparingLong(RunRecord::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized boolean tryAcquireLease(String source, String model, String owner, Duration ttl) {
        Instant now = clock.instant();
        Lease held = leases.get(key(source, model));
        if (held == null || held.owner.equals(owner) || !held.expiresAt.isAfter(now)) {
            leases.put(key(source, model), new Lease(owner, now.plus(ttl)));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void releaseLease(String source, String model, String owner) {
        Lease held = leases.get(key(source, model));
        if (held != null && held.owner.equals(owner)) {
            leases.remove(key(source, model));
        }
    }

    @Override
    public synchronized Optional<LeaseHolder> leaseHolder(String source, String model) {
        Lease l = leases.get(key(source, model));
        return l == null || !l.expiresAt.isAfter(clock.instant()) ? Optional.empty()
                : Optional.of(new LeaseHolder(l.owner, l.expiresAt));
    }

    private static String key(String source, String model) {
        return source + "\u0000" + model;
    }
}
