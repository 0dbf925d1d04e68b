package dev.odoobridge.readmodel;

/**
 * Outcome of one {@link Projector#apply} call.
 *
 * @param written documents inserted or replaced
 * @param skippedStale records older than what was stored (guard hit), ignored
 * @param unchanged records equal in version to what was stored and rewritten idempotently (counted in written too)
 */
public record ApplyResult(int written, int skippedStale, int unchanged) {
    /** Nothing applied. */
    public static final ApplyResult EMPTY = new ApplyResult(0, 0, 0);

    /** Sum of two results. */
    public ApplyResult plus(ApplyResult other) {
        return new ApplyResult(written + other.written, skippedStale + other.skippedStale, unchanged + other.unchanged);
    }
}
