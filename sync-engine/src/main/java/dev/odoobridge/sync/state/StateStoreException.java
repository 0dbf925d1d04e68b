package dev.odoobridge.sync.state;

/**
 * The state database could not be started, reached, migrated or queried. The message says what
 * failed and what to check; the cause carries the driver's or the server's error.
 */
public class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message that says what failed and what to do. */
    public StateStoreException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
