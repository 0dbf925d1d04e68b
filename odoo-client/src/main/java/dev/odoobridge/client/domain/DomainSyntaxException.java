package dev.odoobridge.client.domain;

/** A textual domain could not be parsed; {@link #position()} tells where (0-based character offset). */
public final class DomainSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what was found
     * @param position 0-based offset in the input where the problem is
     */
    public DomainSyntaxException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    /** The 0-based character offset of the problem in the parsed text. */
    public int position() {
        return position;
    }
}
