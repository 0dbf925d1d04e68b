package dev.odoobridge.access;

/**
 * A token bucket's settings: {@code permitsPerSecond} refill rate, {@code burst} capacity (requests
 * allowed at once after a quiet period).
 *
 * @param permitsPerSecond sustained requests per second per key, above zero
 * @param burst bucket size, at least one
 */
public record RateLimit(double permitsPerSecond, int burst) {

    /** The default: 20 requests per second with bursts of 40. */
    public static final RateLimit DEFAULT = new RateLimit(20, 40);

    /** Validates. */
    public RateLimit {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number: " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
    }
}
