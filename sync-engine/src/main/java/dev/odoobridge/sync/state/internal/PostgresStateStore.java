package dev.odoobridge.sync.state.internal;

import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.ScanProgress;
import dev.odoobridge.sync.state.RunCounts;
import dev.odoobridge.sync.state.RunRecord;
import dev.odoobridge.sync.state.StateStore;
import dev.odoobridge.sync.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link StateStore} on PostgreSQL; every method is one auto-committed statement. */
final class PostgresStateStore implements StateStore {
    private final DataSource dataSource;

    PostgresStateStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    }

    @Override
    public Optional<Checkpoint> checkpoint(String source, String model) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        List<Checkpoint> found = queryCheckpoints(
                "SELECT source, model, write_date, last_id, updated_at FROM checkpoints WHERE source = ? AND model = ?",
                source, model);
        return found.stream().findFirst();
    }

    @Override
    public void saveCheckpoint(Checkpoint cp) {
        Objects.requireNonNull(cp, "checkpoint == null");
        update("save the checkpoint of " + cp.source() + "/" + cp.model(),
                "INSERT INTO checkpoints (source, model, write_date, last_id, updated_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (source, model) DO UPDATE SET write_date = excluded.write_date,"
                        + " last_id = excluded.last_id, updated_at = excluded.updated_at",
                cp.source(), cp.model(), odt(cp.writeDate()), cp.lastId(), odt(cp.updatedAt()));
    }

    @Override
    public void deleteCheckpoint(String source, String model) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        update("delete the checkpoint of " + source + "/" + model,
                "DELETE FROM checkpoints WHERE source = ? AND model = ?", source, model);
        deleteScanProgress(source, model);
    }

    @Override
    public Optional<ScanProgress> scanProgress(String source, String model) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        String sql = "SELECT fields, newest_write_date, max_id, done_through_id, updated_at FROM scan_progress"
                + " WHERE source = ? AND model = ?";
        return query("read the full read progress of " + source + "/" + model, sql,
                rs -> new ScanProgress(source, model, rs.getString(1), instant(rs, 2), rs.getLong(3), rs.getLong(4),
                        instant(rs, 5)), source, model).stream().findFirst();
    }

    @Override
    public void saveScanProgress(ScanProgress p) {
        Objects.requireNonNull(p, "progress == null");
        update("save the full read progress of " + p.source() + "/" + p.model(),
                "INSERT INTO scan_progress (source, model, fields, newest_write_date, max_id, done_through_id, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, model) DO UPDATE SET fields = excluded.fields,"
                        + " newest_write_date = excluded.newest_write_date, max_id = excluded.max_id,"
                        + " done_through_id = excluded.done_through_id, updated_at = excluded.updated_at",
                p.source(), p.model(), p.fields(), odt(p.newestWriteDate()), p.maxId(), p.doneThroughId(),
                odt(p.updatedAt()));
    }

    @Override
    public void deleteScanProgress(String source, String model) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        update("delete the full read progress of " + source + "/" + model,
                "DELETE FROM scan_progress WHERE source = ? AND model = ?", source, model);
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return queryCheckpoints("SELECT source, model, write_date, last_id, updated_at FROM checkpoints"
                + " ORDER BY source, model");
    }

    @Override
    public long runStarted(String source, String model, String kind, Instant startedAt) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(startedAt, "startedAt == null");
        String sql = "INSERT INTO sync_runs (source, model, kind, started_at) VALUES (?, ?, ?, ?) RETURNING id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, source, model, kind, odt(startedAt));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("record the start of a " + kind + " run of " + source + "/" + model, e);
        }
    }

    @Override
    public void runFinished(long runId, Instant finishedAt, RunCounts counts, String outcome, String error) {
        Objects.requireNonNull(finishedAt, "finishedAt == null");
        Objects.requireNonNull(counts, "counts == null");
        Objects.requireNonNull(outcome, "outcome == null");
        int n = update("record the end of run " + runId,
                "UPDATE sync_runs SET finished_at = ?, read_count = ?, written_count = ?, skipped_count = ?,"
                        + " deleted_count = ?, call_count = ?, outcome = ?, error = ? WHERE id = ?",
                odt(finishedAt), counts.read(), counts.written(), counts.skipped(), counts.deleted(), counts.calls(),
                outcome, error, runId);
        if (n == 0) {
            throw new StateStoreException("No run with id " + runId + " to finish; runFinished needs the id"
                    + " returned by runStarted");
        }
    }

    @Override
    public List<RunRecord> recentRuns(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        String sql = "SELECT id, source, model, kind, started_at, finished_at, read_count, written_count,"
                + " skipped_count, deleted_count, call_count, outcome, error FROM sync_runs"
                + " ORDER BY started_at DESC, id DESC LIMIT ?";
        return query("list recent runs", sql, rs -> new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), instant(rs, 5), instant(rs, 6),
                new RunCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)),
                rs.getString(12), rs.getString(13)), limit);
    }

    @Override
    public boolean tryAcquireLease(String source, String model, String owner, Duration ttl) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(owner, "owner == null");
        Objects.requireNonNull(ttl, "ttl == null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        String sql = "INSERT INTO leases (source, model, owner, expires_at)"
                + " VALUES (?, ?, ?, clock_timestamp() + make_interval(secs => ?))"
                + " ON CONFLICT (source, model) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
                + " WHERE leases.expires_at < clock_timestamp() OR leases.owner = excluded.owner"
                + " RETURNING owner";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, source, model, owner, ttl.toNanos() / 1e9);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failed("acquire the lease on " + source + "/" + model + " for " + owner, e);
        }
    }

    @Override
    public Optional<LeaseHolder> leaseHolder(String source, String model) {
        String sql = "SELECT owner, expires_at FROM leases WHERE source = ? AND model = ? AND expires_at >= clock_timestamp()";
        return query("read the lease on " + source + "/" + model, sql,
                rs -> new LeaseHolder(rs.getString(1), instant(rs, 2)), source, model).stream().findFirst();
    }

    @Override
    public void releaseLease(String source, String model, String owner) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(owner, "owner == null");
        update("release the lease on " + source + "/" + model,
                "DELETE FROM leases WHERE source = ? AND model = ? AND owner = ?", source, model, owner);
    }

    private List<Checkpoint> queryCheckpoints(String sql, Object... args) {
        return query("read checkpoints", sql,
                rs -> new Checkpoint(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getLong(4), instant(rs, 5)), args);
    }

    /** Maps one row of a result. */
    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs a query and maps every row; a failure says it could not {@code what}. */
    private <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row.map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private int update(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static StateStoreException failed(String what, SQLException e) {
        return new StateStoreException("Could not " + what + " in the state database: " + e.getMessage()
                + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
}
