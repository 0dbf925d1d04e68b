package dev.odoobridge.feed;

import java.util.Objects;

/**
 * A pull or push the feed refuses as a whole. Nothing was written to Odoo. {@link #reason()} says why;
 * {@link #table()}, {@link #recordId()} and {@link #field()} point at the offending part when there is one.
 */
public final class FeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused, with the HTTP status the handler answers. */
    public enum Reason {
        /** The request is malformed: bad JSON, a wrong type, an unknown table or column. */
        BAD_REQUEST(400),
        /** The caller's scope does not cover what it asked for (another source, a table, a vendor's rows). */
        OUT_OF_SCOPE(403),
        /** The request body is larger than allowed. */
        TOO_LARGE(413),
        /** The table does not accept pushes. */
        READ_ONLY(409),
        /** The client's {@code last_pulled_at} is older than the oldest retained change: it must reset and pull from null. */
        FULL_RESYNC_REQUIRED(410),
        /** The read model or the state database failed; retry later. */
        UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /** The HTTP status this reason is answered with. */
        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String table;
    private final String recordId;
    private final String field;

    /** A refusal pointing at a table, record and field (each may be null). */
    public FeedException(Reason reason, String message, String table, String recordId, String field) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason == null");
        this.table = table;
        this.recordId = recordId;
        this.field = field;
    }

    /** A refusal of the whole request. */
    public FeedException(Reason reason, String message) {
        this(reason, message, null, null, null);
    }

    /** A refusal caused by a failure underneath. */
    public FeedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason == null");
        this.table = null;
        this.recordId = null;
        this.field = null;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The table concerned, or null. */
    public String table() {
        return table;
    }

    /** The record id concerned, or null. */
    public String recordId() {
        return recordId;
    }

    /** The column concerned, or null. */
    public String field() {
        return field;
    }
}
