package dev.odoobridge.portal.auth;

import java.util.Objects;

/** A sign-in was refused; the message is safe to show (it never says whether the address may sign in). */
public final class SignInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** Too many codes asked for the address or from the client address. */
        RATE_LIMITED,
        /** No code was asked for this address. */
        NO_CODE,
        /** The code expired. */
        EXPIRED,
        /** The code was used already. */
        ALREADY_USED,
        /** Too many wrong attempts: the code is dead. */
        TOO_MANY_ATTEMPTS,
        /** Wrong code; attempts remain. */
        WRONG_CODE,
        /** The address is not a valid email address. */
        INVALID_EMAIL,
        /** The external identity provider's answer was refused. */
        PROVIDER_REFUSED
    }

    private final Reason reason;

    SignInException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
