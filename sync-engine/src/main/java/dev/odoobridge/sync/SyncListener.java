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

    /**
     * Webhook events were re-read and Odoo did not show the posted change yet (Odoo 17 and 18 post
     * before their transaction commits): they are re-read after {@code delay}.
     *
     * @param events the events put back
     */
    default void webhookAwaitingCommit(String source, String model, int events, java.time.Duration delay) {
    }

    /**
     * Webhook events whose change Odoo did not show within the commit window (a long or rolled-back
     * transaction) were marked deferred: the next scheduled sync run reads what they announced.
     *
     * @param events the events deferred
     * @param reason what the last re-read saw
     */
    default void webhookDeferred(String source, String model, int events, String reason) {
    }

    /** A run ended. */
    default void runFinished(SyncReport report) {
    }
}
