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

    /**
     * Webhook events were re-read, applied to the read model (or their records deleted there) and
     * marked done. {@code appliedAt} minus each receipt time is the event's receive-to-apply latency.
     *
     * @param receivedAt when each of the events was stored in the inbox (the state database's clock)
     * @param appliedAt when the read model had them (this process's wall clock)
     */
    default void webhookApplied(String source, String model, java.util.List<java.time.Instant> receivedAt,
                                java.time.Instant appliedAt) {
    }

    /**
     * Processing webhook events of (source, model) failed: they are retried after a backoff, or
     * marked failed once their last attempt failed.
     *
     * @param events the events of the failed attempt
     * @param error what failed
     */
    default void webhookFailed(String source, String model, int events, Throwable error) {
    }

    /** A run ended. */
    default void runFinished(SyncReport report) {
    }
}
