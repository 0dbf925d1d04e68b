package dev.odoobridge.sync.internal;

import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The engine-wide collaborators and tunables every per-model run needs.
 *
 * @param projector the read model writer
 * @param stateStore checkpoints, run history and leases
 * @param listener progress callbacks (already guarded against throwing)
 * @param clock time source
 * @param pageSize rows per Odoo read
 * @param overlap how far before the checkpoint each incremental run restarts
 * @param leaseOwner this engine's lease owner id
 * @param leaseTtl lease time to live, renewed between pages
 * @param reconcileLeafSize id ranges this small are compared id by id
 * @param readers page reads at once when a run reads a whole model (1: one at a time, by write_date)
 * @param stopRequested true once the engine is stopping: runs end after the page in flight
 */
public record EngineSettings(Projector projector, StateStore stateStore, SyncListener listener, Clock clock,
                             int pageSize, Duration overlap, String leaseOwner, Duration leaseTtl,
                             int reconcileLeafSize, int readers,
                             java.util.function.BooleanSupplier stopRequested) {
    public EngineSettings {
        Objects.requireNonNull(projector, "projector == null");
        Objects.requireNonNull(stateStore, "stateStore == null");
        Objects.requireNonNull(listener, "listener == null");
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(overlap, "overlap == null");
        Objects.requireNonNull(leaseOwner, "leaseOwner == null");
        Objects.requireNonNull(leaseTtl, "leaseTtl == null");
        Objects.requireNonNull(stopRequested, "stopRequested == null");
    }
}
