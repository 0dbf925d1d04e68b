package dev.odoobridge.sync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PostgresStateStoreIT {
    private final StateStore store = SharedPostgres.database().stateStore();
    private final String source = SharedPostgres.uniqueSource("state");

    @Test
    void checkpointCrud() {
        assertThat(store.checkpoint(source, "product.product")).isEmpty();
        Instant wd = Instant.parse("2026-11-21T19:35:13Z");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.saveCheckpoint(new Checkpoint(source, "product.product", wd, 42, at));
        assertThat(store.checkpoint(source, "product.product"))
                .contains(new Checkpoint(source, "product.product", wd, 42, at));

        Instant wd2 = wd.plusSeconds(5);
        store.saveCheckpoint(new Checkpoint(source, "product.product", wd2, 7, at));
        store.saveCheckpoint(new Checkpoint(source, "stock.quant", wd, 1, at));
        assertThat(store.checkpoint(source, "product.product")).map(Checkpoint::lastId).contains(7L);
        assertThat(store.checkpoints()).filteredOn(c -> c.source().equals(source))
                .extracting(Checkpoint::model).containsExactly("product.product", "stock.quant");

        store.deleteCheckpoint(source, "product.product");
        assertThat(store.checkpoint(source, "product.product")).isEmpty();
        assertThat(store.checkpoint(source, "stock.quant")).isPresent();
    }

    @Test
    void scanProgressCrudAndTheCheckpointResetForgetsIt() {
        assertThat(store.scanProgress(source, "res.partner")).isEmpty();
        Instant newest = Instant.parse("2026-11-21T19:35:13Z");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ScanProgress started = new ScanProgress(source, "res.partner", "id,write_date,name", newest, 1_000_000, 0, at);
        store.saveScanProgress(started);
        assertThat(store.scanProgress(source, "res.partner")).contains(started);
        ScanProgress further = started.doneThrough(20_000, at.plusSeconds(3));
        store.saveScanProgress(further);
        assertThat(store.scanProgress(source, "res.partner")).contains(further);
        assertThat(store.scanProgress(source, "product.product")).isEmpty();

        store.deleteScanProgress(source, "res.partner");
        assertThat(store.scanProgress(source, "res.partner")).isEmpty();
        store.saveScanProgress(further);
        store.saveCheckpoint(new Checkpoint(source, "res.partner", newest, 1, at));
        store.deleteCheckpoint(source, "res.partner");
        assertThat(store.scanProgress(source, "res.partner")).as("a reset forgets the unfinished read too").isEmpty();
        assertThatThrownBy(() -> started.doneThrough(1_000_001, at)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsAreRecordedNewestFirst() {
        Instant t0 = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        long first = store.runStarted(source, "res.partner", "full", t0);
        long second = store.runStarted(source, "res.partner", "incremental", t0.plusSeconds(60));
        store.runFinished(first, t0.plusSeconds(10), new RunCounts(10, 9, 1, 0, 2), "ok", null);

        List<RunRecord> runs = store.recentRuns(2);
        assertThat(runs).extracting(RunRecord::id).containsExactly(second, first);
        RunRecord done = runs.get(1);
        assertThat(done.finishedAt()).isEqualTo(t0.plusSeconds(10));
        assertThat(done.counts()).isEqualTo(new RunCounts(10, 9, 1, 0, 2));
        assertThat(done.outcome()).isEqualTo("ok");
        assertThat(runs.get(0).finishedAt()).isNull();
        assertThat(runs.get(0).outcome()).isNull();

        store.runFinished(second, t0.plusSeconds(61), RunCounts.ZERO, "failed", "Odoo answered 502");
        assertThat(store.recentRuns(1).get(0).error()).isEqualTo("Odoo answered 502");
        assertThatThrownBy(() -> store.runFinished(-1, t0, RunCounts.ZERO, "ok", null))
                .isInstanceOf(StateStoreException.class).hasMessageContaining("No run with id -1");
    }

    @Test
    void leaseIsExclusiveRenewableAndReleasable() {
        assertThat(store.leaseHolder(source, "m")).isEmpty();
        assertThat(store.tryAcquireLease(source, "m", "a", Duration.ofMinutes(1))).isTrue();
        assertThat(store.tryAcquireLease(source, "m", "b", Duration.ofMinutes(1))).isFalse();
        assertThat(store.leaseHolder(source, "m")).hasValueSatisfying(h -> {
            assertThat(h.owner()).isEqualTo("a");
            assertThat(h.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(30));
        });
        assertThat(store.tryAcquireLease(source, "m", "a", Duration.ofMinutes(1))).as("renewal").isTrue();
        assertThat(store.tryAcquireLease(source, "other", "b", Duration.ofMinutes(1))).as("other model").isTrue();
        store.releaseLease(source, "m", "b");
        assertThat(store.tryAcquireLease(source, "m", "b", Duration.ofMinutes(1))).as("b cannot release a's").isFalse();
        store.releaseLease(source, "m", "a");
        assertThat(store.leaseHolder(source, "m")).isEmpty();
        assertThat(store.tryAcquireLease(source, "m", "b", Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void expiredLeaseIsTakenOver() throws Exception {
        assertThat(store.tryAcquireLease(source, "m", "a", Duration.ofMillis(50))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean taken = false;
        while (!taken && System.nanoTime() < deadline) {
            Thread.sleep(20);
            taken = store.tryAcquireLease(source, "m", "b", Duration.ofMinutes(1));
        }
        assertThat(taken).isTrue();
        assertThat(store.tryAcquireLease(source, "m", "a", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void contendingStoresNeverBothHoldTheLease() throws Exception {
        String url = SharedPostgres.freshDatabaseUrl();
        int contenders = 6;
        int rounds = 30;
        List<StateDatabase> dbs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            for (int i = 0; i < contenders; i++) {
                dbs.add(StateDatabase.connect(url, "postgres", null));
            }
            for (int round = 0; round < rounds; round++) {
                String model = "model" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < contenders; i++) {
                    StateStore s = dbs.get(i).stateStore();
                    String owner = "owner" + i;
                    Callable<Boolean> attempt = () -> {
                        go.await();
                        return s.tryAcquireLease("shop", model, owner, Duration.ofMinutes(5));
                    };
                    results.add(pool.submit(attempt));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> f : results) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as("holders of shop/%s", model).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            dbs.forEach(StateDatabase::close);
        }
    }
}
