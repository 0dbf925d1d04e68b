package dev.odoobridge.sync.webhook.internal;

/** A post refused with an HTTP status and a reason for the sender; nothing is stored. */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Rejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
