package dev.odoobridge.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.access.internal.PostgresApiKeys;
import dev.odoobridge.sync.state.SharedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Keys in the embedded PostgreSQL: created once, stored hashed, verified, revoked. */
class ApiKeysIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ApiKeys keys = ApiKeys.of(SharedPostgres.database(), clock, Duration.ofSeconds(5));
    private final String source = SharedPostgres.uniqueSource("keys");

    @Test
    void createdKeyAuthenticatesWithItsScope() {
        CreatedApiKey created = keys.create(NewApiKey.builder(source).vendor(42).resources(List.of("products"))
                .corsOrigins(List.of("https://app.example")).label("storefront").build());
        assertThat(created.token()).startsWith("obk_" + created.key().id() + "_");
        assertThat(created.toString()).doesNotContain(created.token());

        ApiKey k = keys.authenticate(created.token()).orElseThrow();
        assertThat(k.id()).isEqualTo(created.key().id());
        assertThat(k.scope()).isEqualTo(new ApiScope(source, OptionalLong.of(42), Set.of("products")));
        assertThat(k.corsOrigins()).containsExactly("https://app.example");
        assertThat(k.label()).isEqualTo("storefront");
        assertThat(keys.originAllowed(source, "https://app.example")).isTrue();
        assertThat(keys.originAllowed(source, "https://evil.example")).isFalse();
        assertThat(keys.originAllowed("other", "https://app.example")).isFalse();
    }

    @Test
    void storedHashIsNeverTheSecret() throws Exception {
        CreatedApiKey created = keys.create(NewApiKey.builder(source).build());
        String secret = created.token().substring(("obk_" + created.key().id() + "_").length());
        try (Connection c = SharedPostgres.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM api_keys WHERE id = ?")) {
            ps.setString(1, created.key().id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                byte[] hash = rs.getBytes("secret_hash");
                assertThat(hash).hasSize(32).isNotEqualTo(secret.getBytes(StandardCharsets.US_ASCII));
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    assertThat(String.valueOf(v)).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void wrongSecretsMalformedAndUnknownTokensFail() {
        CreatedApiKey created = keys.create(NewApiKey.builder(source).build());
        String t = created.token();
        char last = t.charAt(t.length() - 1);
        String wrong = t.substring(0, t.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(keys.authenticate(wrong)).isEmpty();
        assertThat(keys.authenticate("obk_ffffffffffff_" + t.substring(t.length() - 43))).isEmpty();
        assertThat(keys.authenticate("garbage")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate(t)).isPresent();
    }

    @Test
    void revokedKeyStopsAtOnceHereAndAfterTheCacheTimeElsewhere() {
        ApiKeys otherProcess = ApiKeys.of(SharedPostgres.database(), clock, Duration.ofSeconds(5));
        CreatedApiKey created = keys.create(NewApiKey.builder(source).build());
        assertThat(otherProcess.authenticate(created.token())).isPresent();

        assertThat(keys.revoke(created.key().id())).isTrue();
        assertThat(keys.revoke(created.key().id())).as("already revoked").isFalse();
        assertThat(keys.revoke("000000000000")).as("unknown").isFalse();
        assertThat(keys.authenticate(created.token())).isEmpty();

        assertThat(otherProcess.authenticate(created.token())).as("still cached").isPresent();
        clock.advance(Duration.ofSeconds(6));
        assertThat(otherProcess.authenticate(created.token())).as("cache expired").isEmpty();

        ApiKey listed = keys.find(created.key().id()).orElseThrow();
        assertThat(listed.isActive()).isFalse();
        assertThat(listed.revokedAt()).isPresent();
    }

    @Test
    void anExpiredKeyIsReadAgainByOneRequestWhileTheOthersUseItStill() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean gated = new AtomicBoolean();
        DataSource counting = gatedPool(connections, n -> {
            if (gated.get()) {
                reading.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
        });
        ApiKeys gatedKeys = new PostgresApiKeys(counting, clock, Duration.ofSeconds(5));
        CreatedApiKey created = keys.create(NewApiKey.builder(source).build());
        assertThat(gatedKeys.authenticate(created.token())).isPresent();
        clock.advance(Duration.ofMinutes(2)); // past the minute between recorded uses: the next use is written
        assertThat(gatedKeys.authenticate(created.token())).isPresent();
        clock.advance(Duration.ofSeconds(6));
        connections.set(0);
        gated.set(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ExecutorService others = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<ApiKey>> refresher = pool.submit(() -> gatedKeys.authenticate(created.token()));
            assertThat(reading.await(10, TimeUnit.SECONDS)).as("the first request after the expiry reads the row").isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(gatedKeys.authenticate(created.token())).as("the others use the expired entry").isPresent();
            }
            assertThat(connections).as("one read of the row for all of them").hasValue(1);
            clock.advance(Duration.ofSeconds(5)); // past one more cache time: no longer used, the read is waited for
            Future<Optional<ApiKey>> waiter = others.submit(() -> gatedKeys.authenticate(created.token()));
            Thread.sleep(200);
            assertThat(waiter).as("past one more cache time a request waits for the read in flight").isNotDone();
            release.countDown();
            assertThat(refresher.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(connections).as("still one read of the row").hasValue(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
            others.shutdownNow();
        }
        assertThat(keys.revoke(created.key().id())).isTrue();
        clock.advance(Duration.ofSeconds(6));
        assertThat(gatedKeys.authenticate(created.token())).as("the request that reads the row sees the revocation")
                .isEmpty();
    }

    @Test
    void aBurstForAKeyNotInTheCacheSendsOneQuery() throws Exception {
        CreatedApiKey created = keys.create(NewApiKey.builder(source).build());
        AtomicInteger connections = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        DataSource gated = gatedPool(connections, n -> {
            if (n == 1) {
                release.await(10, TimeUnit.SECONDS);
            }
        });
        ApiKeys fresh = new PostgresApiKeys(gated, clock, Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<ApiKey>>> burst = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                burst.add(pool.submit(() -> fresh.authenticate(created.token())));
            }
            Thread.sleep(200);
            assertThat(connections).as("the first request reads the row, the others wait for it").hasValue(1);
            release.countDown();
            for (Future<Optional<ApiKey>> f : burst) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isPresent();
            }
            // the first use of the key is recorded by one of them: one more connection, no other read
            assertThat(connections).hasValue(2);
            String token = created.token();
            String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            assertThat(fresh.authenticate(wrong)).as("a wrong secret still fails from the cached entry").isEmpty();
            assertThat(connections).hasValue(2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void listShowsKeysWithLastUseButNoSecret() {
        CreatedApiKey a = keys.create(NewApiKey.builder(source).label("a").build());
        clock.advance(Duration.ofSeconds(1));
        CreatedApiKey b = keys.create(NewApiKey.builder(source).label("b").build());
        clock.advance(Duration.ofMinutes(3));
        keys.authenticate(b.token());
        List<ApiKey> mine = keys.list().stream().filter(k -> k.source().equals(source)).toList();
        assertThat(mine).extracting(ApiKey::id).containsExactly(a.key().id(), b.key().id());
        assertThat(mine.get(0).lastUsedAt()).isEmpty();
        assertThat(mine.get(1).lastUsedAt()).hasValue(clock.instant());
        assertThat(mine.toString()).doesNotContain(a.token().substring(17)).doesNotContain(b.token().substring(17));
    }

    /** What a connection taken from {@link #gatedPool} waits for first (its number, from 1). */
    private interface Gate {
        void pass(int connection) throws InterruptedException;
    }

    /** The shared pool, counting the connections taken; each passes the gate first. */
    private static DataSource gatedPool(AtomicInteger connections, Gate gate) {
        DataSource shared = SharedPostgres.database().dataSource();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        gate.pass(connections.incrementAndGet());
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
