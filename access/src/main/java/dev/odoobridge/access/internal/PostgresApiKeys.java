package dev.odoobridge.access.internal;

import dev.odoobridge.access.ApiKey;
import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.CreatedApiKey;
import dev.odoobridge.access.NewApiKey;
import dev.odoobridge.sync.state.StateStoreException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ApiKeys} in the state database's table {@code api_keys} (migration V5). */
public final class PostgresApiKeys implements ApiKeys {
    private static final String COLUMNS = "id, secret_hash, source, vendor_partner_id, resources, cors_origins, label,"
            + " created_at, revoked_at, last_used_at";
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final javax.sql.DataSource dataSource;
    private final Clock clock;
    private final Duration cacheFor;
    private final ConcurrentHashMap<String, Cached> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    /**
     * Keys being read from the database now, by id: a request that finds no usable entry waits for the read in
     * flight instead of sending its own, so a burst after a quiet while sends one query, not one per request.
     */
    private final ConcurrentHashMap<String, CompletableFuture<Optional<Stored>>> reading = new ConcurrentHashMap<>();

    private record Stored(ApiKey key, byte[] hash) {
    }

    /**
     * A verified key until {@code until}; after that the first request to see it reads the row again while requests
     * beside it still use this one (for at most one more {@code cacheFor}).
     */
    private record Cached(Stored stored, Instant until) {
    }

    /** Over a pool of the migrated state database. */
    public PostgresApiKeys(javax.sql.DataSource dataSource, Clock clock, Duration cacheFor) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor == null");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("cacheFor is negative: " + cacheFor);
        }
    }

    @Override
    public CreatedApiKey create(NewApiKey r) {
        Objects.requireNonNull(r, "request == null");
        String id = KeyTokens.newId();
        String secret = KeyTokens.newSecret();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_keys (id, secret_hash, source, vendor_partner_id, resources, cors_origins, label,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setBytes(2, KeyTokens.hash(secret));
            ps.setString(3, r.source());
            if (r.vendorPartnerId().isPresent()) {
                ps.setLong(4, r.vendorPartnerId().getAsLong());
            } else {
                ps.setNull(4, Types.BIGINT);
            }
            ps.setArray(5, c.createArrayOf("text", r.resources().stream().sorted().toArray()));
            ps.setArray(6, c.createArrayOf("text", r.corsOrigins().toArray()));
            ps.setString(7, r.label());
            ps.setObject(8, odt(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("store a new API key", e);
        }
        ApiKey key = new ApiKey(id, r.source(), r.vendorPartnerId(), r.resources(), r.corsOrigins(), r.label(), now,
                Optional.empty(), Optional.empty());
        return new CreatedApiKey(key, KeyTokens.token(id, secret));
    }

    @Override
    public Optional<ApiKey> authenticate(String token) {
        Optional<KeyTokens.Parsed> parsed = KeyTokens.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String id = parsed.get().id();
        Instant now = clock.instant();
        Cached cached = verified.get(id);
        Stored stored;
        if (cached != null && (now.isBefore(cached.until())
                || (now.isBefore(cached.until().plus(cacheFor)) && reading.containsKey(id)))) {
            stored = cached.stored();
        } else {
            Optional<Stored> row = readShared(id, now);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            stored = row.get();
        }
        if (!KeyTokens.matches(parsed.get().secret(), stored.hash()) || !stored.key().isActive()) {
            return Optional.empty();
        }
        recordUse(id, now);
        return Optional.of(stored.key());
    }

    /**
     * The key's row as read now, by this request or, when another is reading it already, by that one (this request
     * waits for it); the cache entry is replaced (or removed, for a key no longer there) before the waiters see it.
     * A read that ended between this request's look at the cache and its claim left an entry still valid: that one
     * is the answer.
     */
    private Optional<Stored> readShared(String id, Instant now) {
        CompletableFuture<Optional<Stored>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Stored>> running = reading.putIfAbsent(id, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Cached fresh = verified.get(id);
            if (fresh != null && now.isBefore(fresh.until())) {
                // kept as that read left it: its time runs from that read, not from this request
                Optional<Stored> row = Optional.of(fresh.stored());
                mine.complete(row);
                return row;
            }
            Optional<Stored> row = load(id);
            if (row.isEmpty()) {
                verified.remove(id);
            } else if (!cacheFor.isZero()) {
                verified.put(id, new Cached(row.get(), now.plus(cacheFor)));
            }
            mine.complete(row);
            return row;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(id, mine);
        }
    }

    private void recordUse(String id, Instant now) {
        Instant last = lastRecordedUse.get(id);
        if (last != null && now.isBefore(last.plus(USE_RESOLUTION))) {
            return;
        }
        // one request of those seeing the same last use records the new one
        boolean mine = last == null ? lastRecordedUse.putIfAbsent(id, now) == null : lastRecordedUse.replace(id, last, now);
        if (!mine) {
            return;
        }
        update("record an API key's use", "UPDATE api_keys SET last_used_at = ? WHERE id = ?",
                odt(now.truncatedTo(ChronoUnit.MICROS)), id);
    }

    @Override
    public List<ApiKey> list() {
        return query("list the API keys", "SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id")
                .stream().map(Stored::key).toList();
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return load(Objects.requireNonNull(id, "id == null")).map(Stored::key);
    }

    @Override
    public boolean revoke(String id) {
        Objects.requireNonNull(id, "id == null");
        verified.remove(id);
        return update("revoke an API key", "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                odt(clock.instant().truncatedTo(ChronoUnit.MICROS)), id) == 1;
    }

    @Override
    public boolean originAllowed(String source, String origin) {
        Objects.requireNonNull(source, "source == null");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM api_keys WHERE source = ? AND revoked_at IS NULL AND ? = ANY (cors_origins) LIMIT 1")) {
            ps.setString(1, source);
            ps.setString(2, origin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("read the API keys' CORS origins", e);
        }
    }

    private Optional<Stored> load(String id) {
        return query("read an API key", "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", id).stream().findFirst();
    }

    private List<Stored> query(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Stored> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private int update(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static Stored row(ResultSet rs) throws SQLException {
        long vendor = rs.getLong("vendor_partner_id");
        OptionalLong v = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(vendor);
        ApiKey key = new ApiKey(rs.getString("id"), rs.getString("source"), v,
                new LinkedHashSet<>(strings(rs.getArray("resources"))), strings(rs.getArray("cors_origins")),
                rs.getString("label"), instant(rs, "created_at").orElseThrow(), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
        return new Stored(key, rs.getBytes("secret_hash"));
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) a.getArray()).map(String.class::cast).toList();
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static StateStoreException failure(String what, SQLException e) {
        return new StateStoreException("Could not " + what + " in the state database: " + e.getMessage()
                + "; check that the database is reachable and migrated", e);
    }
}
