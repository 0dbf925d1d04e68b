package dev.odoobridge.access;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key id. {@link #tryAcquire} takes one permit or says how long to wait for the
 * next one. Thread-safe; buckets live as long as the limiter (one per key that was used).
 */
public final class RateLimiter {
    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * The outcome of one acquisition.
     *
     * @param allowed whether the request may go on
     * @param retryAfter when refused, the wait until a permit is available (zero when allowed)
     */
    public record Decision(boolean allowed, Duration retryAfter) {
        /** Validates. */
        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter == null");
        }

        /** The wait in whole seconds, rounded up, at least one (for a {@code Retry-After} header). */
        public long retryAfterSeconds() {
            long s = (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L;
            return Math.max(1, s);
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** With the system's monotonic clock. */
    public RateLimiter(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    /** With an explicit monotonic nanosecond clock (tests use a fake one). */
    public RateLimiter(RateLimit limit, LongSupplier nanoTime) {
        this.limit = Objects.requireNonNull(limit, "limit == null");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    }

    /** The settings. */
    public RateLimit limit() {
        return limit;
    }

    /** Takes a permit for the key, or says how long until one is available. */
    public Decision tryAcquire(String keyId) {
        Objects.requireNonNull(keyId, "keyId == null");
        long now = nanoTime.getAsLong();
        Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(limit.burst(), now));
        synchronized (b) {
            double elapsed = Math.max(0, now - b.at) / 1e9;
            b.tokens = Math.min(limit.burst(), b.tokens + elapsed * limit.permitsPerSecond());
            b.at = Math.max(b.at, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, Duration.ZERO);
            }
            double waitSeconds = (1 - b.tokens) / limit.permitsPerSecond();
            return new Decision(false, Duration.ofNanos((long) Math.ceil(waitSeconds * 1e9)));
        }
    }
}
