package dev.odoobridge.sync.internal;

/** One step of a model's sync failed; the message says which step and what to expect next. */
final class SyncStepException extends RuntimeException {
    SyncStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
