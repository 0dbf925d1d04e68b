package dev.odoobridge.feed.internal;

import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The pushed-id map in PostgreSQL ({@code feed_push_ids}): device id → Odoo id per source and model. A create is
 * recorded as an intent (Odoo id null) before the Odoo call and completed after it.
 */
final class PushedIds implements ClientIds {
    private final DataSource pool;

    PushedIds(DataSource pool) {
        this.pool = pool;
    }

    /** The state of a device id: absent (never tried), pending (intent without Odoo id) or written. */
    record Entry(boolean exists, OptionalLong odooId) {
        static final Entry ABSENT = new Entry(false, OptionalLong.empty());
    }

    Entry find(String source, String model, String clientId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT odoo_id FROM feed_push_ids WHERE source = ? AND model = ? AND client_id = ?")) {
            ps.setString(1, source);
            ps.setString(2, model);
            ps.setString(3, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Entry.ABSENT;
                }
                long id = rs.getLong(1);
                return new Entry(true, rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Records the intent to create the record (idempotent). */
    void intend(String source, String model, String clientId, Instant now) {
        update("INSERT INTO feed_push_ids (source, model, client_id, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (source, model, client_id) DO NOTHING", source, model, clientId, null, now);
    }

    /** Stores the Odoo id the record became (inserting the row when no intent was recorded, e.g. for lines). */
    void complete(String source, String model, String clientId, long odooId, Instant now) {
        update("INSERT INTO feed_push_ids (source, model, client_id, odoo_id, created_at, written_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, model, client_id) "
                + "DO UPDATE SET odoo_id = EXCLUDED.odoo_id, written_at = EXCLUDED.written_at", source, model, clientId,
                odooId, now);
    }

    private void update(String sql, String source, String model, String clientId, Long odooId, Instant now) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setString(2, model);
            ps.setString(3, clientId);
            if (odooId == null) {
                ps.setTimestamp(4, Timestamp.from(now));
            } else {
                ps.setLong(4, odooId);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Map<Long, String> clientIds(String source, String model, Collection<Long> odooIds) {
        Map<Long, String> out = new HashMap<>();
        if (odooIds.isEmpty()) {
            return out;
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT odoo_id, client_id FROM feed_push_ids WHERE source = ? AND model = ? AND odoo_id = ANY (?)")) {
            Array ids = c.createArrayOf("bigint", odooIds.toArray());
            ps.setString(1, source);
            ps.setString(2, model);
            ps.setArray(3, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public Map<String, Long> odooIds(String source, String model, Collection<String> clientIds) {
        Map<String, Long> out = new HashMap<>();
        if (clientIds.isEmpty()) {
            return out;
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT client_id, odoo_id FROM feed_push_ids WHERE source = ? AND model = ? AND client_id = ANY (?) "
                        + "AND odoo_id IS NOT NULL")) {
            ps.setString(1, source);
            ps.setString(2, model);
            ps.setArray(3, c.createArrayOf("text", clientIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static FeedException failed(SQLException e) {
        return new FeedException(Reason.UNAVAILABLE, "the state database failed: " + e.getMessage(), e);
    }
}
