package dev.odoobridge.feed.internal;

import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The pushed-id map in PostgreSQL ({@code feed_push_ids}): device id → Odoo id per source and model. A create is
 * recorded as an intent (Odoo id null) before the Odoo call and completed after it, under the row's lock
 * ({@link #createOnce}).
 */
final class PushedIds implements ClientIds {
    /** How long a push waits for another push creating the same device record. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

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

    /** The Odoo create of one device record, run by {@link #createOnce} while it holds the record's row lock. */
    @FunctionalInterface
    interface Creation {
        /**
         * Creates the record in Odoo (or finds the one an interrupted attempt created) and returns its id.
         *
         * @param pending whether an earlier attempt stored the intent without an Odoo id: its create may have
         *                reached Odoo, so look for the record's marker before creating
         */
        long create(boolean pending);
    }

    /**
     * Creates a device record at most once, also when two pushes of it run at once (a device that gave up waiting
     * for an answer and pushes again, or two processes): the intent row is inserted if absent, then locked
     * ({@code SELECT ... FOR UPDATE}) for the Odoo create and the storing of its id, in one transaction. A push that
     * finds the row locked waits (at most {@link #LOCK_WAIT}, then the push fails with 503 and the device retries)
     * and then finds the Odoo id the other one stored. The creation must not use this pool (it runs while one of
     * its connections is held).
     */
    long createOnce(String source, String model, String clientId, Instant now, Creation creation) {
        boolean pending = update("INSERT INTO feed_push_ids (source, model, client_id, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (source, model, client_id) DO NOTHING", source, model, clientId, null, now) == 0;
        try (Connection c = pool.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT odoo_id FROM feed_push_ids "
                        + "WHERE source = ? AND model = ? AND client_id = ? FOR UPDATE")) {
                    ps.setString(1, source);
                    ps.setString(2, model);
                    ps.setString(3, clientId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            long id = rs.getLong(1);
                            if (!rs.wasNull()) {
                                c.commit();
                                return id; // another push created it meanwhile
                            }
                        }
                    }
                }
                long odooId = creation.create(pending);
                try (PreparedStatement ps = c.prepareStatement("UPDATE feed_push_ids SET odoo_id = ?, written_at = ? "
                        + "WHERE source = ? AND model = ? AND client_id = ?")) {
                    ps.setLong(1, odooId);
                    ps.setTimestamp(2, Timestamp.from(Instant.now()));
                    ps.setString(3, source);
                    ps.setString(4, model);
                    ps.setString(5, clientId);
                    ps.executeUpdate();
                }
                c.commit();
                return odooId;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Stores the Odoo id the record became (inserting the row when no intent was recorded, e.g. for lines). */
    void complete(String source, String model, String clientId, long odooId, Instant now) {
        update("INSERT INTO feed_push_ids (source, model, client_id, odoo_id, created_at, written_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, model, client_id) "
                + "DO UPDATE SET odoo_id = EXCLUDED.odoo_id, written_at = EXCLUDED.written_at", source, model, clientId,
                odooId, now);
    }

    private int update(String sql, String source, String model, String clientId, Long odooId, Instant now) {
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
            return ps.executeUpdate();
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
