package dev.odoobridge.portal.auth.internal;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Table {@code portal_sessions}: sessions by the SHA-256 of their cookie id. */
public final class SessionTable {
    private final Statements db;

    /** Over the state database's pool. */
    public SessionTable(DataSource dataSource) {
        this.db = new Statements(dataSource);
    }

    /**
     * A stored session.
     *
     * @param idHash SHA-256 of the cookie's id
     * @param vendor the vendor
     * @param csrf its CSRF token
     * @param method how the vendor signed in ({@code code}, {@code oidc})
     * @param createdAt sign-in time
     * @param lastSeenAt last request (written at most once a minute)
     * @param expiresAt absolute expiry
     * @param revokedAt when it was revoked, or null
     */
    public record Row(byte[] idHash, String vendor, String csrf, String method, Instant createdAt, Instant lastSeenAt,
                      Instant expiresAt, Instant revokedAt) {
    }

    /** Stores a new session. */
    public void insert(Row r) {
        db.update("store a portal session", "INSERT INTO portal_sessions (id_hash, vendor, csrf, method, created_at,"
                + " last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", r.idHash(), r.vendor(), r.csrf(), r.method(),
                Statements.odt(r.createdAt()), Statements.odt(r.lastSeenAt()), Statements.odt(r.expiresAt()));
    }

    /** The session with that id hash. */
    public Optional<Row> find(byte[] idHash) {
        return db.query("read a portal session", "SELECT id_hash, vendor, csrf, method, created_at, last_seen_at,"
                + " expires_at, revoked_at FROM portal_sessions WHERE id_hash = ?", rs -> new Row(rs.getBytes("id_hash"),
                rs.getString("vendor"), rs.getString("csrf"), rs.getString("method"), Statements.instant(rs, "created_at"),
                Statements.instant(rs, "last_seen_at"), Statements.instant(rs, "expires_at"),
                Statements.instant(rs, "revoked_at")), (Object) idHash).stream().findFirst();
    }

    /** Moves the idle clock of an unrevoked session. */
    public void touch(byte[] idHash, Instant at) {
        db.update("refresh a portal session", "UPDATE portal_sessions SET last_seen_at = ? WHERE id_hash = ?"
                + " AND revoked_at IS NULL AND last_seen_at < ?", Statements.odt(at), idHash, Statements.odt(at));
    }

    /** Revokes a session; false when it was unknown or revoked already. */
    public boolean revoke(byte[] idHash, Instant at) {
        return db.update("revoke a portal session", "UPDATE portal_sessions SET revoked_at = ? WHERE id_hash = ?"
                + " AND revoked_at IS NULL", Statements.odt(at), idHash) == 1;
    }

    /** Deletes sessions that ended before the instant (expired absolutely or revoked); returns how many. */
    public int purgeEndedBefore(Instant before) {
        return db.update("purge ended portal sessions", "DELETE FROM portal_sessions WHERE expires_at < ?"
                + " OR revoked_at < ?", Statements.odt(before), Statements.odt(before));
    }
}
