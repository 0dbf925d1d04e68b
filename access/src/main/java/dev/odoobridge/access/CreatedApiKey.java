package dev.odoobridge.access;

import java.util.Objects;

/**
 * A key just created, with the token to hand to its user. The token is returned this once and
 * never stored: lose it and the key must be revoked and a new one created.
 *
 * @param key the stored key
 * @param token the whole bearer token ({@code obk_<id>_<secret>})
 */
public record CreatedApiKey(ApiKey key, String token) {

    /** Validates. */
    public CreatedApiKey {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(token, "token == null");
    }

    /** Without the token, so that it does not reach a log by accident. */
    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", token=<hidden>]";
    }
}
