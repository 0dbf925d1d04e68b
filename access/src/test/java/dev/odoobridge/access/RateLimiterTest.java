package dev.odoobridge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(new RateLimit(2, 3), nanos::get);

    @Test
    void burstThenRefusedWithTheWaitForTheNextPermit() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("k").allowed()).as("request %d of the burst", i).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheRateAndNeverBeyondTheBurst() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k");
        }
        nanos.addAndGet(500_000_000L);
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();
        nanos.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void longWaitsRoundUpToWholeSeconds() {
        RateLimiter slow = new RateLimiter(new RateLimit(0.1, 1), nanos::get);
        assertThat(slow.tryAcquire("k").allowed()).isTrue();
        RateLimiter.Decision d = slow.tryAcquire("k");
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(10);
        nanos.addAndGet(9_500_000_000L);
        assertThat(slow.tryAcquire("k").retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new RateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
