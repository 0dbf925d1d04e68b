package dev.odoobridge.sync.internal;

/** One step of a model's sync failed; the message says which step and what to expect next. */
final class SyncStepException extends RuntimeException {
    SyncStepException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What to throw for a failure of a step run on another thread: the failure itself when unchecked
     * (an {@link Error} is thrown from here), else a step failure saying {@code what} failed.
     */
    static RuntimeException rethrown(Throwable cause, String what) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new SyncStepException(what + ": " + cause, cause);
    }
}
