package dev.odoobridge.sync.internal;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards to a user listener and logs (never propagates) anything it throws. */
public final class GuardedListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);
    private final SyncListener delegate;

    /** Wraps {@code delegate}. */
    public GuardedListener(SyncListener delegate) {
        this.delegate = Objects.requireNonNull(delegate, "listener == null");
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("SyncListener {} threw; listeners must not throw, the sync goes on", event, e);
        }
    }

    @Override
    public void runStarted(SyncRequest request) {
        guard("runStarted", () -> delegate.runStarted(request));
    }

    @Override
    public void modelStarted(String source, String model, SyncMode mode) {
        guard("modelStarted", () -> delegate.modelStarted(source, model, mode));
    }

    @Override
    public void pageApplied(String source, String model, int records, ApplyResult result) {
        guard("pageApplied", () -> delegate.pageApplied(source, model, records, result));
    }

    @Override
    public void reconciled(String source, String model, long deleted, long fetched) {
        guard("reconciled", () -> delegate.reconciled(source, model, deleted, fetched));
    }

    @Override
    public void error(String source, String model, Throwable error) {
        guard("error", () -> delegate.error(source, model, error));
    }

    @Override
    public void modelFinished(ModelReport report) {
        guard("modelFinished", () -> delegate.modelFinished(report));
    }

    @Override
    public void webhookAwaitingCommit(String source, String model, int events, java.time.Duration delay) {
        guard("webhookAwaitingCommit", () -> delegate.webhookAwaitingCommit(source, model, events, delay));
    }

    @Override
    public void webhookDeferred(String source, String model, int events, String reason) {
        guard("webhookDeferred", () -> delegate.webhookDeferred(source, model, events, reason));
    }

    @Override
    public void webhookApplied(String source, String model, java.util.List<java.time.Instant> receivedAt,
                               java.time.Instant appliedAt) {
        guard("webhookApplied", () -> delegate.webhookApplied(source, model, receivedAt, appliedAt));
    }

    @Override
    public void webhookFailed(String source, String model, int events, Throwable error) {
        guard("webhookFailed", () -> delegate.webhookFailed(source, model, events, error));
    }

    @Override
    public void runFinished(SyncReport report) {
        guard("runFinished", () -> delegate.runFinished(report));
    }
}
