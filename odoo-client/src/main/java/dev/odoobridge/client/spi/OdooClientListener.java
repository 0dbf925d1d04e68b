package dev.odoobridge.client.spi;

import dev.odoobridge.client.error.OdooException;
import java.time.Duration;

/**
 * Hooks around every call for metrics and logging. All methods default to no-ops; they run on
 * the calling thread and must never throw (exceptions from listeners are logged and ignored).
 * Events carry no credentials.
 */
public interface OdooClientListener {

    /** A listener that does nothing. */
    OdooClientListener NONE = new OdooClientListener() {
    };

    /** A call (attempt) is about to be sent. */
    default void requestStarted(CallInfo call) {
    }

    /** A call (attempt) returned a result. */
    default void requestSucceeded(CallInfo call, Duration elapsed) {
    }

    /** A call (attempt) failed; {@code willRetry} tells whether the client retries it. */
    default void requestFailed(CallInfo call, Duration elapsed, OdooException failure, boolean willRetry) {
    }

    /**
     * What is being called.
     *
     * @param transport transport name
     * @param model model, or null for service calls
     * @param method method
     * @param attempt 1 for the first attempt
     */
    record CallInfo(String transport, String model, String method, int attempt) {
    }
}
