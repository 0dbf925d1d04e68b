package dev.odoobridge.vendors;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules for one-time codes.
 *
 * @param codeLifetime how long a code is valid (default 10 minutes)
 * @param maxAttempts wrong attempts before the code is dead (default 5)
 * @param minInterval minimum time between two codes for the same vendor or partner (default 1 minute)
 * @param dailyCap codes per vendor and per partner in any 24 hours (default 10)
 */
public record OtpPolicy(Duration codeLifetime, int maxAttempts, Duration minInterval, int dailyCap) {
    /** The defaults above. */
    public static final OtpPolicy DEFAULT = new OtpPolicy(Duration.ofMinutes(10), 5, Duration.ofMinutes(1), 10);

    public OtpPolicy {
        Objects.requireNonNull(codeLifetime, "codeLifetime == null");
        Objects.requireNonNull(minInterval, "minInterval == null");
        if (codeLifetime.isNegative() || codeLifetime.isZero() || maxAttempts < 1 || dailyCap < 1
                || minInterval.isNegative()) {
            throw new IllegalArgumentException("invalid OTP policy: " + codeLifetime + ", " + maxAttempts + ", "
                    + minInterval + ", " + dailyCap);
        }
    }
}
