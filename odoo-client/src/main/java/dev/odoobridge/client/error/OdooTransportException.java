package dev.odoobridge.client.error;

import java.util.Objects;

/** No usable answer came back: connection refused or reset, timeout, HTTP error, unreadable or oversized body. */
public final class OdooTransportException extends OdooException {

    /** What kind of transport failure happened. */
    public enum Kind {
        /** Could not connect (refused, unknown host, TLS handshake). */
        CONNECT(true),
        /** Connect or request timeout. */
        TIMEOUT(true),
        /** Connection reset or closed mid-exchange. */
        CONNECTION_RESET(true),
        /** An HTTP status that is not an Odoo fault (e.g. 502, 503, 404 page). */
        HTTP_STATUS(false),
        /** The body could not be parsed as the protocol says. */
        MALFORMED_RESPONSE(false),
        /** The body exceeded the configured maximum response size. */
        RESPONSE_TOO_LARGE(false),
        /** The request was interrupted. */
        INTERRUPTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether this kind is retryable by default. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final boolean retryable;

    public OdooTransportException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind == null");
        this.httpStatus = httpStatus;
        this.retryable = kind == Kind.HTTP_STATUS
                ? httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504
                : kind.retryable();
    }

    /** The failure kind. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status when one was received, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
