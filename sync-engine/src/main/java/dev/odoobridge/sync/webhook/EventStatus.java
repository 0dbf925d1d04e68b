package dev.odoobridge.sync.webhook;

import java.util.Locale;

/** Where a stored webhook event is in its processing. */
public enum EventStatus {
    /** Waiting to be processed (possibly after a failed attempt, see {@link WebhookEvent#nextAttemptAt}). */
    PENDING,
    /** Claimed by a processor; the claim expires at {@link WebhookEvent#nextAttemptAt} if that processor dies. */
    PROCESSING,
    /** Re-read from Odoo and applied to the read model (or deleted there). */
    DONE,
    /** Gave up after the maximum number of attempts; {@link WebhookEvent#lastError} says why. */
    FAILED,
    /** Not processed because its model is not synced by the processor. */
    IGNORED,
    /**
     * Odoo did not show the posted change within the commit window (Odoo 17 and 18 post before their
     * transaction commits; a transaction still open, or rolled back): left for the next scheduled sync
     * run, which reads every change by its {@code write_date}. {@link WebhookEvent#lastError} says what
     * was seen; a replay processes it again.
     */
    DEFERRED;

    /** The value stored in the database. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored value. */
    public static EventStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
