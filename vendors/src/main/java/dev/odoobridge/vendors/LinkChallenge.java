package dev.odoobridge.vendors;

import java.time.Instant;

/**
 * A code was sent. The code itself is never returned.
 *
 * @param challengeId id to quote when confirming
 * @param vendor vendor identity
 * @param source source
 * @param partnerId partner to link
 * @param expiresAt when the code stops working
 * @param sentTo the address the code went to, masked (e.g. {@code j***@example.com})
 */
public record LinkChallenge(String challengeId, String vendor, String source, long partnerId, Instant expiresAt,
                            String sentTo) {
}
