package dev.odoobridge.portal.auth;

import dev.odoobridge.portal.auth.internal.SessionTable;
import dev.odoobridge.portal.web.SignedIn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Server-side sessions in the state database. A session id is 256 random bits, handed to the browser only (its
 * cookie); the database keeps its SHA-256. A session ends when it is revoked, after {@code idle} without a request
 * (sliding; the last-seen time is written at most once a minute) or {@code absolute} after sign-in.
 */
public final class Sessions {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SessionTable table;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param dataSource the state database
     * @param idle idle expiry
     * @param absolute absolute expiry
     * @param clock time source
     */
    public Sessions(DataSource dataSource, Duration idle, Duration absolute, Clock clock) {
        this.table = new SessionTable(dataSource);
        this.idle = Objects.requireNonNull(idle, "idle == null");
        this.absolute = Objects.requireNonNull(absolute, "absolute == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * A session just started.
     *
     * @param cookieValue the secret id for the cookie (never stored)
     * @param signedIn the vendor, session id (the hash) and CSRF token
     */
    public record Started(String cookieValue, SignedIn signedIn) {
        @Override
        public String toString() {
            return "Started{" + signedIn.vendor() + "}";
        }
    }

    /** Starts a fresh session for the vendor (always a new id: nothing the browser sent before is promoted). */
    public Started start(String vendor, String method) {
        Objects.requireNonNull(vendor, "vendor == null");
        String id = token(32);
        String csrf = token(32);
        Instant now = clock.instant();
        byte[] hash = sha256(id);
        table.insert(new SessionTable.Row(hash, vendor, csrf, method, now, now, now.plus(absolute), null));
        return new Started(id, new SignedIn(HexFormat.of().formatHex(hash), vendor, csrf));
    }

    /** The vendor of a cookie value: empty for a forged, unknown, revoked or expired one. */
    public Optional<SignedIn> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.length() != 43 || !cookieValue.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        byte[] hash = sha256(cookieValue);
        Optional<SessionTable.Row> row = table.find(hash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SessionTable.Row r = row.get();
        Instant now = clock.instant();
        if (r.revokedAt() != null || !now.isBefore(r.expiresAt()) || !now.isBefore(r.lastSeenAt().plus(idle))) {
            return Optional.empty();
        }
        if (!now.isBefore(r.lastSeenAt().plus(TOUCH_EVERY))) {
            table.touch(hash, now);
        }
        return Optional.of(new SignedIn(HexFormat.of().formatHex(hash), r.vendor(), r.csrf()));
    }

    /** Revokes the session (by its id as {@link SignedIn#sessionId()} gives it); later requests are signed out. */
    public void revoke(String sessionId) {
        table.revoke(HexFormat.of().parseHex(sessionId), clock.instant());
    }

    /** Deletes sessions that ended more than a day ago; returns how many. */
    public int purge() {
        return table.purgeEndedBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
