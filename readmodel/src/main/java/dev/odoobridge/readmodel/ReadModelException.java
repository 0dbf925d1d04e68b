package dev.odoobridge.readmodel;

/**
 * The read model's store failed or refused an operation (connection lost, write rejected for a
 * reason other than a stale version, embedded server could not start). The message says what
 * failed; the cause is the store's own exception.
 */
public class ReadModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message and the store's exception. */
    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message only. */
    public ReadModelException(String message) {
        super(message);
    }
}
