package dev.odoobridge.api.barcode;

/** An external catalogue could not answer (network, timeout, refusal, throttled, unreadable answer). */
public class ExternalLookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With what failed. */
    public ExternalLookupException(String message) {
        super(message);
    }

    /** With what failed and why. */
    public ExternalLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
