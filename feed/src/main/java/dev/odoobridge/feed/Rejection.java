package dev.odoobridge.feed;

import java.util.Objects;

/**
 * Why one pushed record was not written. Its id is in {@code experimentalRejectedIds}; the device keeps it pending.
 *
 * @param kind refused by Odoo, or a conflict
 * @param message Odoo's message, or what changed
 */
public record Rejection(Kind kind, String message) {
    public Rejection {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(message, "message == null");
    }

    /** The kinds of rejection. */
    public enum Kind {
        /** Odoo refused the write (UserError, ValidationError, AccessError, a missing record). */
        REFUSED,
        /** The record changed in Odoo after the client's last pull; the next pull brings Odoo's version. */
        CONFLICT
    }
}
