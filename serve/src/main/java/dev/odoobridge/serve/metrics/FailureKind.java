package dev.odoobridge.serve.metrics;

import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.UnknownMethodException;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.error.ValidationException;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.sync.schema.SchemaException;
import dev.odoobridge.sync.state.StateStoreException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bounded set of failure kinds a metric label may take, from the exception type: the first
 * failure of a known type in the cause chain decides (a sync step wraps the Odoo or database
 * failure that stopped it).
 */
public enum FailureKind {
    /** Odoo refused the credentials ({@link AccessDeniedException}). */
    ODOO_AUTHENTICATION,
    /** Odoo's access rules refused the call ({@link AccessErrorException}). */
    ODOO_ACCESS,
    /** Odoo refused values ({@link ValidationException}). */
    ODOO_VALIDATION,
    /** A record the call named is gone ({@link MissingRecordException}). */
    ODOO_MISSING_RECORD,
    /** Another user error raised by Odoo ({@link UserErrorException}). */
    ODOO_USER_ERROR,
    /** The model or method does not exist on that server. */
    ODOO_UNKNOWN_MODEL_OR_METHOD,
    /** Odoo refused the query (a field or operator it does not know). */
    ODOO_INVALID_QUERY,
    /** Any other server-side fault. */
    ODOO_SERVER,
    /** The connection to Odoo failed, timed out, or answered with an HTTP error. */
    ODOO_TRANSPORT,
    /** The state database (PostgreSQL) failed. */
    STATE_STORE,
    /** The read model (MongoDB) failed. */
    READ_MODEL,
    /** The server's schema lacks what the sync needs. */
    SCHEMA,
    /** Anything else. */
    OTHER;

    /** The label value: lower-case snake case, e.g. {@code odoo_transport}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a failure, looking through its causes. */
    public static FailureKind of(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            FailureKind kind = direct(t);
            if (kind != OTHER) {
                return kind;
            }
        }
        return OTHER;
    }

    private static FailureKind direct(Throwable t) {
        if (t instanceof OdooException odoo) {
            return ofOdoo(odoo);
        }
        if (t instanceof StateStoreException) {
            return STATE_STORE;
        }
        if (t instanceof ReadModelException) {
            return READ_MODEL;
        }
        if (t instanceof SchemaException) {
            return SCHEMA;
        }
        return OTHER;
    }

    private static FailureKind ofOdoo(OdooException e) {
        if (e instanceof OdooTransportException) {
            return ODOO_TRANSPORT;
        }
        if (e instanceof AccessDeniedException) {
            return ODOO_AUTHENTICATION;
        }
        if (e instanceof AccessErrorException) {
            return ODOO_ACCESS;
        }
        if (e instanceof ValidationException) {
            return ODOO_VALIDATION;
        }
        if (e instanceof MissingRecordException) {
            return ODOO_MISSING_RECORD;
        }
        if (e instanceof UserErrorException) {
            return ODOO_USER_ERROR;
        }
        if (e instanceof UnknownModelException || e instanceof UnknownMethodException) {
            return ODOO_UNKNOWN_MODEL_OR_METHOD;
        }
        if (e instanceof InvalidQueryException) {
            return ODOO_INVALID_QUERY;
        }
        return ODOO_SERVER;
    }
}
