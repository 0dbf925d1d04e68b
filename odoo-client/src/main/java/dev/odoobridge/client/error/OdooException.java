package dev.odoobridge.client.error;

/** Root of every failure the client reports. Messages never contain credentials. */
public abstract sealed class OdooException extends RuntimeException
        permits OdooServerException, OdooTransportException {

    protected OdooException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when repeating the same idempotent call may succeed (timeouts, 502/503/504, resets). */
    public abstract boolean isRetryable();
}
