package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.sync.state.StateStoreException;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.WebhookEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * All SQL of the webhook inbox ({@code webhook_events}). A claim marks events {@code processing}
 * and bumps {@code attempts}; the attempt number is the claim token, so a processor that lost its
 * claim (it was too slow and another one took over) cannot overwrite the newer outcome.
 */
public final class InboxRepository {
    /** Channel notified on every insert or replay so processors wake up at once. */
    public static final String CHANNEL = "webhook_events";
    private static final String COLUMNS = "id, source, model, record_id, action, received_at, payload::text, status,"
            + " attempts, next_attempt_at, last_error, processed_at";
    private static final String INSERT = "INSERT INTO webhook_events (source, model, record_id, action, payload)"
            + " VALUES (?, ?, ?, ?, ?::jsonb)";

    private final DataSource dataSource;

    /** Over the state database's pool. */
    public InboxRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    }

    /** The pool, for the processor's LISTEN connection. */
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * A post to store.
     *
     * @param source the webhook source it came from
     * @param post the validated post
     */
    record NewEvent(String source, ParsedPost post) {
    }

    /**
     * Stores the posts as pending in one transaction (one batch of inserts, one notification for the
     * processors) and returns their ids, in the order given, once committed. Nothing is stored when it
     * throws.
     */
    long[] insertAll(List<NewEvent> events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long[] ids = events.size() == 1 ? new long[] {insertOne(c, events.get(0))} : insertBatch(c, events);
                notify(c);
                c.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** A lone post: one statement with {@code RETURNING}, no batch. */
    private static long insertOne(Connection c, NewEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT + " RETURNING id")) {
            bind(ps, e);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A group: one batch; the generated keys come back in the order of the batch's statements. */
    private static long[] insertBatch(Connection c, List<NewEvent> events) throws SQLException {
        long[] ids = new long[events.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (NewEvent e : events) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    if (!rs.next()) {
                        throw new SQLException("the inbox insert returned " + i + " ids for " + ids.length + " rows");
                    }
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, NewEvent e) throws SQLException {
        ps.setString(1, e.source());
        ps.setString(2, e.post().model());
        ps.setLong(3, e.post().recordId());
        ps.setString(4, e.post().action());
        ps.setString(5, e.post().payloadJson());
    }

    /**
     * One claimed event.
     *
     * @param attempt the attempt number (the claim token)
     * @param failures failed attempts before this one
     * @param action the action the post announced
     * @param receivedAt when the post was stored
     * @param payload the body as stored (JSON text)
     */
    record Claimed(long id, String source, String model, long recordId, int attempt, int failures, String action,
                   Instant receivedAt, String payload) {
    }

    /** Claims up to {@code limit} due events (pending, or processing with an expired claim). */
    List<Claimed> claim(int limit, Duration claimTimeout) {
        String sql = "UPDATE webhook_events e SET status = 'processing', attempts = e.attempts + 1,"
                + " next_attempt_at = clock_timestamp() + make_interval(secs => ?)"
                + " FROM (SELECT id FROM webhook_events WHERE status IN ('pending', 'processing')"
                + " AND next_attempt_at <= clock_timestamp() ORDER BY next_attempt_at, id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED) due WHERE e.id = due.id"
                + " RETURNING e.id, e.source, e.model, e.record_id, e.attempts, e.attempts - 1 - e.commit_waits, e.action,"
                + " e.received_at, e.payload::text";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, claimTimeout.toMillis() / 1000.0);
            ps.setInt(2, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getInt(5), rs.getInt(6), rs.getString(7), instant(rs, 8), rs.getString(9)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw failed("claim due webhook events", e);
        }
    }

    /** Marks claimed events done (or ignored with a reason). */
    void finish(Collection<Claimed> events, EventStatus status, String reason) {
        String sql = "UPDATE webhook_events w SET status = ?, processed_at = clock_timestamp(), last_error = ?"
                + CLAIMED;
        update(sql, events, "mark webhook events " + status.dbValue(), status.dbValue(), reason);
    }

    /**
     * After a failed attempt: pending again after {@code delay}, or failed once {@code maxAttempts}
     * failed attempts (re-reads that waited for a commit do not count) are reached.
     */
    void retryOrFail(Collection<Claimed> events, String error, int maxAttempts, Duration delay) {
        String sql = "UPDATE webhook_events w SET last_error = ?,"
                + " status = CASE WHEN w.attempts - w.commit_waits >= ? THEN 'failed' ELSE 'pending' END,"
                + " processed_at = CASE WHEN w.attempts - w.commit_waits >= ? THEN clock_timestamp() END,"
                + " next_attempt_at = clock_timestamp() + make_interval(secs => ?)" + CLAIMED;
        update(sql, events, "record a failed attempt of webhook events", error, maxAttempts, maxAttempts,
                delay.toMillis() / 1000.0);
    }

    /**
     * The re-read did not show the posted change yet: pending again after {@code delay}, counted as a
     * commit wait, not as a failed attempt.
     */
    void awaitCommit(Collection<Claimed> events, String seen, Duration delay) {
        String sql = "UPDATE webhook_events w SET status = 'pending', last_error = ?, commit_waits = w.commit_waits + 1,"
                + " next_attempt_at = clock_timestamp() + make_interval(secs => ?)" + CLAIMED;
        update(sql, events, "put back webhook events awaiting a commit", seen, delay.toMillis() / 1000.0);
    }

    /** Matches rows still held by the given claims (id and attempt number), bound after the SET parameters. */
    private static final String CLAIMED = " FROM unnest(?::bigint[], ?::integer[]) AS c(id, attempt)"
            + " WHERE w.id = c.id AND w.status = 'processing' AND w.attempts = c.attempt";

    private void update(String sql, Collection<Claimed> events, String what, Object... setParams) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : setParams) {
                ps.setObject(i++, p);
            }
            ps.setArray(i++, c.createArrayOf("bigint", events.stream().map(Claimed::id).toArray(Long[]::new)));
            ps.setArray(i, c.createArrayOf("integer", events.stream().map(Claimed::attempt).toArray(Integer[]::new)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Events matching the filter, oldest first, at most {@code limit}. */
    public List<WebhookEvent> list(EventFilter filter, int limit) {
        Where where = Where.of(filter);
        String sql = "SELECT " + COLUMNS + " FROM webhook_events" + where.sql() + " ORDER BY id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = where.bind(ps, 1);
            ps.setInt(i, limit);
            return read(ps);
        } catch (SQLException e) {
            throw failed("list webhook events", e);
        }
    }

    /** How many events are in each status; every status is present (zero when none). */
    public java.util.Map<EventStatus, Long> countByStatus() {
        java.util.Map<EventStatus, Long> counts = new java.util.EnumMap<>(EventStatus.class);
        for (EventStatus status : EventStatus.values()) {
            counts.put(status, 0L);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM webhook_events GROUP BY status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(EventStatus.fromDb(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw failed("count webhook events by status", e);
        }
    }

    /** Resets the matching events (except those being processed) to pending; returns them as they were. */
    public List<WebhookEvent> reset(EventFilter filter) {
        Where where = Where.of(filter).and("status <> 'processing'");
        String sql = "WITH old AS (SELECT " + COLUMNS + " FROM webhook_events" + where.sql() + " FOR UPDATE),"
                + " upd AS (UPDATE webhook_events w SET status = 'pending', attempts = 0, commit_waits = 0,"
                + " next_attempt_at = clock_timestamp(), last_error = NULL, processed_at = NULL"
                + " FROM old WHERE w.id = old.id) SELECT * FROM old ORDER BY id";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps, 1);
                List<WebhookEvent> events = read(ps);
                notify(c);
                c.commit();
                return events;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("reset webhook events for replay", e);
        }
    }

    private static void notify(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, CHANNEL);
            ps.execute();
        }
    }

    private static List<WebhookEvent> read(PreparedStatement ps) throws SQLException {
        List<WebhookEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(new WebhookEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), instant(rs, 6), rs.getString(7), EventStatus.fromDb(rs.getString(8)),
                        rs.getInt(9), instant(rs, 10), rs.getString(11), instant(rs, 12)));
            }
        }
        return events;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static StateStoreException failed(String what, SQLException e) {
        return new StateStoreException("Could not " + what + " in the state database: " + e.getMessage()
                + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
}
