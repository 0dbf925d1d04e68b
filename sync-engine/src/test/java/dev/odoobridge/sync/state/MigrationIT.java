package dev.odoobridge.sync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MigrationIT {

    @Test
    void freshDatabaseGetsEveryTableAndVersion() throws Exception {
        try (StateDatabase db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null)) {
            assertThat(db.schemaVersion()).isEqualTo(8);
            assertThat(tables(db)).contains("checkpoints", "sync_runs", "leases", "webhook_events", "schema_version",
                    "vendor_challenges", "vendor_links", "vendor_audit", "scan_progress", "api_keys", "feed_push_ids",
                    "portal_sessions", "portal_signin_challenges", "portal_oidc_flows",
                    "portal_proposal_tokens", "portal_proposals", "portal_proposal_lines");
            assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }
    }

    @Test
    void reopeningAppliesNothingTwice() throws Exception {
        String url = SharedPostgres.freshDatabaseUrl();
        try (StateDatabase db = StateDatabase.connect(url, "postgres", null)) {
            db.stateStore().runStarted("s", "m", "full", java.time.Instant.now());
        }
        try (StateDatabase db = StateDatabase.connect(url, "postgres", null)) {
            assertThat(db.schemaVersion()).isEqualTo(8);
            assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(db.stateStore().recentRuns(10)).hasSize(1);
        }
    }

    @Test
    void concurrentStartsMigrateOnce() throws Exception {
        String url = SharedPostgres.freshDatabaseUrl();
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<StateDatabase>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<StateDatabase> open = () -> {
                    go.await();
                    return StateDatabase.connect(url, "postgres", null);
                };
                started.add(pool.submit(open));
            }
            go.countDown();
            for (Future<StateDatabase> f : started) {
                try (StateDatabase db = f.get()) {
                    assertThat(db.schemaVersion()).isEqualTo(8);
                    assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changedScriptIsRefused() throws Exception {
        String url = SharedPostgres.freshDatabaseUrl();
        try (StateDatabase db = StateDatabase.connect(url, "postgres", null);
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        }
        assertThatThrownBy(() -> StateDatabase.connect(url, "postgres", null))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("V1__state")
                .hasMessageContaining("changed after it had been applied");
    }

    @Test
    void unreachableServerGivesClearError() {
        assertThatThrownBy(() -> StateDatabase.connect("jdbc:postgresql://127.0.0.1:1/none", "postgres", "x"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("Could not connect to the state database at jdbc:postgresql://127.0.0.1:1/none");
    }

    private static List<String> tables(StateDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<Integer> versions(StateDatabase db) throws Exception {
        List<Integer> v = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                v.add(rs.getInt(1));
            }
        }
        return v;
    }
}
