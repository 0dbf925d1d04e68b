package dev.odoobridge.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposal store on the state database (migration V8), on an embedded PostgreSQL. */
class PostgresProposalStoreIT {
    @TempDir
    static Path dir;
    private static StateDatabase db;
    private static ProposalStore store;
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @BeforeAll
    static void start() {
        db = StateDatabase.embedded(dir.resolve("pg"));
        store = ProposalStore.postgres(db);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aTokenIsClaimedOnceAndOnlyAnUnusedOneCanBeReleased() {
        assertThat(store.claim("a".repeat(32), "acme@x", "north", T0)).isTrue();
        assertThat(store.claim("a".repeat(32), "acme@x", "north", T0)).isFalse();
        assertThat(store.claim("a".repeat(32), "rival@x", "north", T0)).isFalse();
        store.release("a".repeat(32));
        assertThat(store.claim("a".repeat(32), "acme@x", "north", T0)).isTrue();
        store.record(new Proposal("acme@x", "north", 500, 7, "P00500", T0, List.of()), "a".repeat(32));
        store.release("a".repeat(32));
        assertThat(store.claim("a".repeat(32), "acme@x", "north", T0)).as("used tokens stay claimed").isFalse();
    }

    @Test
    void concurrentSubmitsOfOneFormClaimOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> c = () -> {
                    go.await();
                    return store.claim("c".repeat(32), "acme@x", "north", T0);
                };
                claims.add(pool.submit(c));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : claims) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void proposalsAreTheVendorsOwnNewestFirstWithTheirLines() {
        store.claim("b".repeat(32), "lines@x", "north", T0);
        store.record(new Proposal("lines@x", "north", 41, 7, "P00041", T0, List.of(
                new Proposal.Line(11, "Apple juice", 7, 3.0), new Proposal.Line(12, "Banana <chips>", 2.5, 1.25))),
                "b".repeat(32));
        store.record(new Proposal("lines@x", "south", 42, 8, null, T0.plus(1, ChronoUnit.HOURS),
                List.of(new Proposal.Line(21, "Cider", 1, 2))), "b".repeat(32));
        store.claim("d".repeat(32), "other@x", "north", T0);
        store.record(new Proposal("other@x", "north", 43, 9, "P00043", T0, List.of()), "d".repeat(32));

        List<Proposal> mine = store.proposals("lines@x");
        assertThat(mine).extracting(Proposal::orderId).containsExactly(42L, 41L);
        Proposal first = mine.get(1);
        assertThat(first.orderName()).isEqualTo("P00041");
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.lines()).containsExactly(new Proposal.Line(11, "Apple juice", 7, 3.0),
                new Proposal.Line(12, "Banana <chips>", 2.5, 1.25));
        assertThat(first.total()).isEqualTo(7 * 3.0 + 2.5 * 1.25);
        assertThat(mine.get(0).orderName()).isNull();

        assertThat(store.proposal("lines@x", "north", 41)).contains(first);
        assertThat(store.proposal("lines@x", "north", 43)).as("another vendor's").isEmpty();
        assertThat(store.proposal("lines@x", "south", 41)).as("another shop").isEmpty();
        assertThat(store.proposal("other@x", "north", 43)).get().extracting(p -> p.lines().size()).isEqualTo(0);
    }
}
