package dev.odoobridge.portal.auth.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Table {@code portal_oidc_flows}: pending OIDC sign-ins by the SHA-256 of their state, each usable once. */
public final class OidcFlowTable {
    private final Statements db;

    /** Over the state database's pool. */
    public OidcFlowTable(DataSource dataSource) {
        this.db = new Statements(dataSource);
    }

    /**
     * A pending flow.
     *
     * @param nonce the nonce the ID token must carry
     * @param verifier the PKCE code verifier
     */
    public record Flow(String nonce, String verifier) {
    }

    /** Stores a new flow. */
    public void insert(byte[] stateHash, Flow flow, Instant createdAt, Instant expiresAt) {
        db.update("store an OIDC sign-in", "INSERT INTO portal_oidc_flows (state_hash, nonce, verifier, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)", stateHash, flow.nonce(), flow.verifier(),
                Statements.odt(createdAt), Statements.odt(expiresAt));
    }

    /** Takes the flow of a state: present once, while unexpired; a second call finds nothing (replay). */
    public Optional<Flow> take(byte[] stateHash, Instant now) {
        List<Flow> f = db.query("use an OIDC sign-in", "UPDATE portal_oidc_flows SET used_at = ? WHERE state_hash = ?"
                + " AND used_at IS NULL AND expires_at > ? RETURNING nonce, verifier",
                rs -> new Flow(rs.getString("nonce"), rs.getString("verifier")), Statements.odt(now), stateHash,
                Statements.odt(now));
        return f.stream().findFirst();
    }
}
