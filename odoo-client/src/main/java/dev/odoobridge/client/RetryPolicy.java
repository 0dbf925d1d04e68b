package dev.odoobridge.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with full jitter, applied only to idempotent reads (search, read,
 * search_read, search_count, fields_get, read_group, name_search, version). Writes and
 * {@code create} are never retried by the client.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param initialBackoff the backoff before the second attempt
 * @param maxBackoff the upper bound of any single backoff
 * @param multiplier growth factor per attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);

    /** Three attempts, 200 ms doubling up to 5 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff == null");
        Objects.requireNonNull(maxBackoff, "maxBackoff == null");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
    }

    /** The upper bound of the backoff before attempt {@code attempt} (2 = first retry); jitter picks in [0, bound]. */
    public Duration backoffBound(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 2);
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
