package dev.odoobridge.sync;

import dev.odoobridge.readmodel.ApplyResult;

/**
 * Progress and metrics callbacks. Every method has a no-op default; implementations must be
 * fast, thread-safe (models may run in parallel) and must never throw (the engine logs and
 * ignores anything thrown).
 */
public interface SyncListener {

    /** A listener that does nothing. */
    SyncListener NONE = new SyncListener() {
    };

    /** A run begins. */
    default void runStarted(SyncRequest request) {
    }

    /** The sync of one (source, model) begins. */
    default void modelStarted(String source, String model, SyncMode mode) {
    }

    /**
     * One page was applied to the read model and the checkpoint saved.
     *
     * @param records records in the page
     * @param result what the projector did with them
     */
    default void pageApplied(String source, String model, int records, ApplyResult result) {
    }

    /** Reconciliation removed ({@code deleted}) and re-fetched ({@code fetched}) records. */
    default void reconciled(String source, String model, long deleted, long fetched) {
    }

    /** The sync of one (source, model) failed; the run continues with the other models. */
    default void error(String source, String model, Throwable error) {
    }

    /** The sync of one (source, model) ended (also when skipped or failed). */
    default void modelFinished(ModelReport report) {
    }

    /** A run ended. */
    default void runFinished(SyncReport report) {
    }
}
