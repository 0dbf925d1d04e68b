package dev.odoobridge.client.internal;

import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.client.spi.OdooClientListener.CallInfo;
import dev.odoobridge.client.spi.OdooTransport;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs calls with listener events and, for idempotent calls, retries with backoff and full jitter. */
final class CallExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutor.class);

    private final OdooTransport transport;
    private final RetryPolicy policy;
    private final OdooClientListener listener;

    CallExecutor(OdooTransport transport, RetryPolicy policy, OdooClientListener listener) {
        this.transport = transport;
        this.policy = policy;
        this.listener = listener;
    }

    <T> T run(String model, String method, boolean idempotent, Supplier<T> call) {
        int maxAttempts = idempotent ? policy.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            CallInfo info = new CallInfo(transport.name(), model, method, attempt);
            notify(() -> listener.requestStarted(info));
            long start = System.nanoTime();
            try {
                T result = call.get();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                notify(() -> listener.requestSucceeded(info, elapsed));
                return result;
            } catch (OdooException e) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                boolean retry = e.isRetryable() && attempt < maxAttempts;
                notify(() -> listener.requestFailed(info, elapsed, e, retry));
                if (!retry) {
                    throw e;
                }
                LOG.debug("retrying {}.{} after attempt {}: {}", model, method, attempt, e.getMessage());
                sleep(policy.backoffBound(attempt + 1));
            }
        }
    }

    private static void sleep(Duration bound) {
        long millis = bound.toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(millis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooTransportException(OdooTransportException.Kind.INTERRUPTED, 0,
                    "interrupted while waiting to retry", e);
        }
    }

    private static void notify(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("OdooClientListener threw; ignored", e);
        }
    }
}
