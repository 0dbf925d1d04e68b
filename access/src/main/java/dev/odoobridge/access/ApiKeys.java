package dev.odoobridge.access;

import dev.odoobridge.access.internal.PostgresApiKeys;
import dev.odoobridge.sync.state.StateDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys, kept in the state database (table {@code api_keys}). A token is
 * {@code obk_<id>_<secret>}: the id finds the row, the secret (256 bits from a CSPRNG) is stored
 * only as its SHA-256 hash and compared in constant time. Thread-safe; share one per process.
 *
 * <p>{@link #authenticate} keeps keys it has verified for a short time (default 5 s) so a request
 * costs no database round trip; a key revoked through this instance stops at once, through another
 * process within that time.
 */
public interface ApiKeys {

    /** Keys in the state database, with the system clock. */
    static ApiKeys of(StateDatabase database) {
        Objects.requireNonNull(database, "database == null");
        return new PostgresApiKeys(database.dataSource(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** Keys in the state database with an explicit clock and verification cache time (zero = no cache). */
    static ApiKeys of(StateDatabase database, Clock clock, Duration cacheFor) {
        Objects.requireNonNull(database, "database == null");
        return new PostgresApiKeys(database.dataSource(), clock, cacheFor);
    }

    /** Creates a key and returns it with its token, which is never shown again. */
    CreatedApiKey create(NewApiKey request);

    /**
     * The active key a bearer token belongs to: empty when the token is malformed, unknown, has a
     * wrong secret or belongs to a revoked key. Records the use (at most once a minute per key).
     */
    Optional<ApiKey> authenticate(String token);

    /** Every key, active and revoked, oldest first; never a secret. */
    List<ApiKey> list();

    /** One key by id. */
    Optional<ApiKey> find(String id);

    /** Revokes a key; false when there is no such key or it was already revoked. */
    boolean revoke(String id);

    /** Whether an active key of the source allows browser calls from this origin (for CORS preflights). */
    boolean originAllowed(String source, String origin);
}
