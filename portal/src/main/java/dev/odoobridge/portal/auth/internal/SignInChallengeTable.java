package dev.odoobridge.portal.auth.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Table {@code portal_signin_challenges}: sign-in codes as keyed hashes, with their attempts and use. */
public final class SignInChallengeTable {
    private final Statements db;

    /** Over the state database's pool. */
    public SignInChallengeTable(DataSource dataSource) {
        this.db = new Statements(dataSource);
    }

    /**
     * A stored sign-in challenge.
     *
     * @param id random id
     * @param email the address that asked
     * @param client the client address that asked
     * @param codeHash HMAC of the code bound to id and email
     * @param createdAt when
     * @param expiresAt expiry
     * @param attempts attempts so far
     * @param usedAt when used, or null
     */
    public record Row(String id, String email, String client, byte[] codeHash, Instant createdAt, Instant expiresAt,
                      int attempts, Instant usedAt) {
    }

    /** Stores a challenge. */
    public void insert(Row r) {
        db.update("store a sign-in challenge", "INSERT INTO portal_signin_challenges (id, email, client, code_hash,"
                + " created_at, expires_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)", r.id(), r.email(), r.client(),
                r.codeHash(), Statements.odt(r.createdAt()), Statements.odt(r.expiresAt()));
    }

    /** The newest challenge of the address. */
    public Optional<Row> latest(String email) {
        return db.query("read a sign-in challenge", "SELECT id, email, client, code_hash, created_at, expires_at, attempts,"
                + " used_at FROM portal_signin_challenges WHERE email = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                rs -> new Row(rs.getString("id"), rs.getString("email"), rs.getString("client"), rs.getBytes("code_hash"),
                        Statements.instant(rs, "created_at"), Statements.instant(rs, "expires_at"), rs.getInt("attempts"),
                        Statements.instant(rs, "used_at")), email).stream().findFirst();
    }

    /** Counts one attempt (before comparing) and returns the new count. */
    public int recordAttempt(String id) {
        List<Integer> n = db.query("count a sign-in attempt", "UPDATE portal_signin_challenges SET attempts = attempts + 1"
                + " WHERE id = ? RETURNING attempts", rs -> rs.getInt(1), id);
        return n.isEmpty() ? Integer.MAX_VALUE : n.get(0);
    }

    /** Marks the challenge used; false when it was used already (single use under concurrency). */
    public boolean markUsed(String id, Instant at) {
        return db.update("use a sign-in challenge", "UPDATE portal_signin_challenges SET used_at = ? WHERE id = ?"
                + " AND used_at IS NULL", Statements.odt(at), id) == 1;
    }

    /** Challenges of the address since the instant. */
    public int countForEmailSince(String email, Instant since) {
        return count("SELECT count(*) FROM portal_signin_challenges WHERE email = ? AND created_at >= ?", email, since);
    }

    /** Challenges asked from the client address since the instant. */
    public int countForClientSince(String client, Instant since) {
        return count("SELECT count(*) FROM portal_signin_challenges WHERE client = ? AND created_at >= ?", client, since);
    }

    /** The newest challenge time of the address. */
    public Optional<Instant> lastForEmail(String email) {
        return db.query("read the last sign-in challenge time", "SELECT max(created_at) AS at FROM portal_signin_challenges"
                + " WHERE email = ?", rs -> Statements.instant(rs, "at"), email).stream().filter(i -> i != null).findFirst();
    }

    private int count(String sql, String key, Instant since) {
        return db.query("count sign-in challenges", sql, rs -> rs.getInt(1), key, Statements.odt(since)).get(0);
    }
}
