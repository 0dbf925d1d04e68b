package dev.odoobridge.vendors;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A link request or confirmation was refused; {@link #reason()} says why and the message what to do. */
public final class VendorLinkException extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** The source is not configured. */
        UNKNOWN_SOURCE,
        /** Odoo has no such partner (or it is archived). */
        UNKNOWN_PARTNER,
        /** The partner (or the shop) has no email address to send the code to. */
        NO_EMAIL,
        /** Too many codes requested recently; see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** There is no pending code for this vendor. */
        NO_CHALLENGE,
        /** The code expired. */
        EXPIRED,
        /** The code was already used. */
        ALREADY_USED,
        /** Too many wrong attempts; the code is dead. */
        TOO_MANY_ATTEMPTS,
        /** The code is wrong; attempts remain. */
        WRONG_CODE,
        /** The vendor is not linked to that partner. */
        NOT_LINKED
    }

    private final Reason reason;
    private final Instant retryAfter;

    VendorLinkException(Reason reason, String message) {
        this(reason, message, null);
    }

    VendorLinkException(Reason reason, String message, Instant retryAfter) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason == null");
        this.retryAfter = retryAfter;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** When a rate-limited request may be repeated. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
