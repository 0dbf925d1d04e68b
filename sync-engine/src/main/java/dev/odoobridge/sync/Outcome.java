package dev.odoobridge.sync;

/** How the sync of one (source, model), or a whole run, ended. */
public enum Outcome {
    /** Everything requested was done. */
    OK,
    /** Some pages (or some models) were applied before a failure; the checkpoint marks what is safe. */
    PARTIAL,
    /** Nothing could be applied; the checkpoint did not move. */
    FAILED,
    /** Not run, e.g. because another owner holds the lease. */
    SKIPPED;

    /** The lower-case label stored in run history ({@code ok}, {@code partial}, ...). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
