package dev.odoobridge.vendors.internal;

import dev.odoobridge.sync.state.StateStoreException;
import dev.odoobridge.vendors.VendorLink;
import dev.odoobridge.vendors.VendorStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link VendorStore} in the state database (tables of migration V2). Every method is one
 * statement, so each is atomic: {@link #markUsed} only succeeds on a challenge still unused and
 * {@link #recordFailedAttempt} increments in place and returns the new count.
 */
public final class PostgresVendorStore implements VendorStore {
    private static final String CHALLENGE_COLUMNS =
            "id, vendor, source, partner_id, code_hash, created_at, expires_at, attempts, used_at";

    private final DataSource dataSource;

    /** Over the state database's pool. */
    public PostgresVendorStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    }

    @Override
    public void insertChallenge(Challenge c) {
        Objects.requireNonNull(c, "challenge == null");
        update("store a link challenge", "INSERT INTO vendor_challenges (" + CHALLENGE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.vendor(), c.source(), c.partnerId(), c.codeHash(),
                odt(c.createdAt()), odt(c.expiresAt()), c.attempts(), odt(c.usedAt()));
    }

    @Override
    public Optional<Challenge> latestChallenge(String vendor) {
        return query("read the latest link challenge", "SELECT " + CHALLENGE_COLUMNS
                + " FROM vendor_challenges WHERE vendor = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                PostgresVendorStore::challenge, vendor).stream().findFirst();
    }

    @Override
    public boolean deleteChallenge(String challengeId) {
        Objects.requireNonNull(challengeId, "challengeId == null");
        return update("delete an undelivered link challenge", "DELETE FROM vendor_challenges WHERE id = ?",
                challengeId) > 0;
    }

    @Override
    public int recordFailedAttempt(String challengeId) {
        List<Integer> counts = query("count a failed attempt", "UPDATE vendor_challenges SET attempts = attempts + 1"
                + " WHERE id = ? RETURNING attempts", rs -> rs.getInt(1), challengeId);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no link challenge with id " + challengeId);
        }
        return counts.get(0);
    }

    @Override
    public boolean markUsed(String challengeId, Instant at) {
        Objects.requireNonNull(at, "at == null");
        return update("mark a link challenge used", "UPDATE vendor_challenges SET used_at = ?"
                + " WHERE id = ? AND used_at IS NULL", odt(at), challengeId) == 1;
    }

    @Override
    public int challengesForVendorSince(String vendor, Instant since) {
        return count("count a vendor's challenges",
                "SELECT count(*) FROM vendor_challenges WHERE vendor = ? AND created_at >= ?", vendor, odt(since));
    }

    @Override
    public int challengesForPartnerSince(String source, long partnerId, Instant since) {
        return count("count a partner's challenges", "SELECT count(*) FROM vendor_challenges"
                + " WHERE source = ? AND partner_id = ? AND created_at >= ?", source, partnerId, odt(since));
    }

    @Override
    public Optional<Instant> lastChallengeAt(String vendor, String source, long partnerId) {
        List<Instant> last = query("read the last challenge time", "SELECT max(created_at) FROM vendor_challenges"
                + " WHERE vendor = ? OR (source = ? AND partner_id = ?)", rs -> instant(rs, 1), vendor, source, partnerId);
        return last.stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public void saveLink(VendorLink link) {
        Objects.requireNonNull(link, "link == null");
        update("store a vendor link", "INSERT INTO vendor_links (vendor, source, partner_id, linked_at, linked_by)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (vendor, source, partner_id)"
                + " DO UPDATE SET linked_at = EXCLUDED.linked_at, linked_by = EXCLUDED.linked_by",
                link.vendor(), link.source(), link.partnerId(), odt(link.linkedAt()), link.linkedBy());
    }

    @Override
    public List<VendorLink> links(String vendor) {
        return query("read a vendor's links", "SELECT vendor, source, partner_id, linked_at, linked_by FROM vendor_links"
                + " WHERE vendor = ? ORDER BY source, partner_id", PostgresVendorStore::link, vendor);
    }

    @Override
    public List<VendorLink> allLinks() {
        return query("read the vendor links", "SELECT vendor, source, partner_id, linked_at, linked_by FROM vendor_links"
                + " ORDER BY vendor, source, partner_id", PostgresVendorStore::link);
    }

    @Override
    public boolean deleteLink(String vendor, String source, long partnerId) {
        return update("revoke a vendor link", "DELETE FROM vendor_links WHERE vendor = ? AND source = ? AND partner_id = ?",
                vendor, source, partnerId) > 0;
    }

    @Override
    public void audit(String vendor, String source, Long partnerId, String event, String detail, Instant at) {
        update("write a vendor audit event", "INSERT INTO vendor_audit (vendor, source, partner_id, event, detail, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", vendor, source, partnerId, event, detail, odt(at));
    }

    @Override
    public List<AuditEvent> auditEvents(AuditQuery q) {
        Objects.requireNonNull(q, "query == null");
        StringBuilder sql = new StringBuilder("SELECT id, vendor, source, partner_id, event, detail, at FROM vendor_audit"
                + " WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.vendor() != null) {
            sql.append(" AND vendor = ?");
            args.add(q.vendor());
        }
        if (q.source() != null) {
            sql.append(" AND source = ?");
            args.add(q.source());
        }
        if (q.since() != null) {
            sql.append(" AND at >= ?");
            args.add(odt(q.since()));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(q.limit());
        return query("read the vendor audit", sql.toString(), rs -> new AuditEvent(rs.getLong("id"), rs.getString("vendor"),
                rs.getString("source"), rs.getObject("partner_id") == null ? null : rs.getLong("partner_id"),
                rs.getString("event"), rs.getString("detail"), instant(rs, "at")), args.toArray());
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private int count(String what, String sql, Object... args) {
        return query(what, sql, rs -> rs.getInt(1), args).get(0);
    }

    private int update(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static StateStoreException failure(String what, SQLException e) {
        return new StateStoreException("Could not " + what + " in the state database: " + e.getMessage()
                + "; check that the database is reachable and migrated", e);
    }

    private static Challenge challenge(ResultSet rs) throws SQLException {
        return new Challenge(rs.getString("id"), rs.getString("vendor"), rs.getString("source"), rs.getLong("partner_id"),
                rs.getBytes("code_hash"), instant(rs, "created_at"), instant(rs, "expires_at"), rs.getInt("attempts"),
                instant(rs, "used_at"));
    }

    private static VendorLink link(ResultSet rs) throws SQLException {
        return new VendorLink(rs.getString("vendor"), rs.getString("source"), rs.getLong("partner_id"),
                instant(rs, "linked_at"), rs.getString("linked_by"));
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
