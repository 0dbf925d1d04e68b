package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.state.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CursorTest {
    private static final int FULL_PAGES = 10;
    @RegisterExtension
    final Fixtures fixtures = new Fixtures();

    @Test
    void aSecondSplitByEveryPageBoundaryIsReadWhole() {
        Fixture f = fixtures.open();
        Instant second = f.clock.instant();
        // 30 rows in one second; later ids have earlier microseconds, so Odoo returns them descending
        for (int i = 0; i < 30; i++) {
            f.insertAt(f.product("p" + i, i, 0), second.plusNanos((900_000 - i * 1000L) * 1000));
        }
        f.insertAt(f.product("before", 1, 0), second.minusSeconds(1));
        f.insertAt(f.product("after", 1, 0), second.plusSeconds(1));
        f.clock.advance(Duration.ofSeconds(5));

        for (int pageSize = 1; pageSize <= 33; pageSize++) {
            f.forgetSync();
            SyncReport report = f.engine("a", pageSize).build().run(SyncRequest.incremental().withModels(Fixture.PRODUCT));
            assertThat(report.outcome()).as("page size %d", pageSize).isEqualTo(Outcome.OK);
            f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
            Checkpoint cp = f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
            assertThat(cp.writeDate()).isEqualTo(second.plusSeconds(1));
        }
    }

    @Test
    void overlapWindowCatchesABackDatedCommitAndReconciliationTheOneBeyondIt() {
        Fixture f = fixtures.open();
        long early = 0;
        for (int i = 0; i < 20; i++) {
            early = f.product("p" + i, i);
        }
        f.clock.advance(Duration.ofMinutes(30));
        f.product("late", 5);
        SyncEngine engine = f.engine("a", 7).build();
        assertThat(engine.run(SyncRequest.incremental()).outcome()).isEqualTo(Outcome.OK);
        Instant checkpoint = f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow().writeDate();

        // a long transaction started 4 minutes before the checkpoint commits now
        f.clock.advance(Duration.ofSeconds(30));
        long backDated = f.insertAt(f.product("long tx", 9, 1), checkpoint.minus(Duration.ofMinutes(4)));
        // and a write whose transaction started 2 minutes before the checkpoint
        f.fake.backdateNextCommit(Duration.between(checkpoint.minus(Duration.ofMinutes(2)).plusNanos(1000), f.clock.instant()));
        f.write(Fixture.PRODUCT, early, Map.of("list_price", 77.0));
        // one beyond the 10-minute overlap: only reconciliation (missing id) can find it
        long ancient = f.insertAt(f.product("ancient", 9, 1), checkpoint.minus(Duration.ofMinutes(25)));

        assertThat(engine.run(SyncRequest.incremental()).outcome()).isEqualTo(Outcome.OK);
        assertThat(f.projector.documents(Fixture.SOURCE, Fixture.PRODUCT)).containsKey(backDated).doesNotContainKey(ancient);
        assertThat(f.projector.documents(Fixture.SOURCE, Fixture.PRODUCT).get(early).get("list_price")).isEqualTo(77.0);

        assertThat(engine.run(SyncRequest.incremental().withReconcile(true)).outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
    }

    @Test
    void checkpointNeverMovesBackwardsAndIncrementalRunsReadOnlyTheOverlap() {
        Fixture f = fixtures.open();
        for (int i = 0; i < 200; i++) {
            f.product("p" + i, i);
            f.clock.advance(Duration.ofSeconds(10));
        }
        SyncEngine engine = f.engine("a", 50).build();
        engine.run(SyncRequest.incremental());
        Instant first = f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow().writeDate();
        f.clock.advance(Duration.ofMinutes(1));
        SyncReport again = engine.run(SyncRequest.incremental().withModels(Fixture.PRODUCT));
        // only the rows of the last 10 minutes (one every 10 s) are read again
        assertThat(again.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow().counts().read()).isBetween(55L, 62L);
        assertThat(f.store.savedCheckpoints()).extracting(Checkpoint::writeDate)
                .isSortedAccordingTo(Instant::compareTo);
        assertThat(f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow().writeDate()).isEqualTo(first);
    }

    @Test
    void aSecondLargerThanAPageIsPagedById() {
        Fixture f = fixtures.open();
        Instant second = f.clock.instant();
        f.insertAt(f.product("before", 1, 0), second.minusSeconds(1));
        for (int i = 0; i < 25; i++) {
            f.insertAt(f.product("p" + i, i, 0), second.plusNanos((900_000 - i * 1000L) * 1000));
        }
        f.insertAt(f.product("after", 1, 0), second.plusSeconds(1));
        f.clock.advance(Duration.ofSeconds(5));
        f.resetCalls();

        SyncReport report = f.engine("a", 10).build().run(SyncRequest.full().withModels(Fixture.PRODUCT));

        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        // [before + 9 of the second], [the rest of the second and after: 10 of the second only],
        // then the rest of the second by id without the 19 it holds: [6], then from the next second: [after]
        assertThat(f.calls("search_read")).isEqualTo(4);
    }

    @Test
    void theNextPageIsReadWhileAPageIsAppliedNeverMoreThanOneAhead() throws Exception {
        Fixture f = fixtures.open();
        for (int i = 0; i < 105; i++) {
            f.insertAt(f.product("p" + i, i, 0), f.clock.instant().plusSeconds(i));
        }
        f.clock.advance(Duration.ofMinutes(5));
        f.resetCalls();
        List<Long> readsSeenByApply = new ArrayList<>();
        Projector watching = new WatchingProjector(f.projector, () -> {
            // the read of the page after a full one is sent while that page is applied: wait until it was counted
            long applied = readsSeenByApply.size() + 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (applied <= FULL_PAGES && f.calls("search_read") <= applied && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            readsSeenByApply.add(f.calls("search_read"));
        });

        SyncReport report = f.engine("a", 10).projector(watching).build()
                .run(SyncRequest.incremental().withModels(Fixture.PRODUCT));

        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        // 10 full pages handed over whole, then the last short page of 5: 11 reads, 11 applies
        assertThat(readsSeenByApply).hasSize(FULL_PAGES + 1);
        for (int i = 0; i < FULL_PAGES; i++) {
            assertThat(readsSeenByApply.get(i)).as("reads sent while applying page %d", i + 1).isEqualTo(i + 2L);
        }
        assertThat(readsSeenByApply.get(FULL_PAGES)).as("nothing is read after the last page").isEqualTo(FULL_PAGES + 1L);
    }

    @Test
    void aFailedApplyStopsTheReadsAndKeepsTheCheckpointOfTheAcknowledgedPages() {
        Fixture f = fixtures.open();
        for (int i = 0; i < 100; i++) {
            f.insertAt(f.product("p" + i, i, 0), f.clock.instant().plusSeconds(i));
        }
        f.clock.advance(Duration.ofMinutes(5));
        f.resetCalls();
        f.projector.crashOnApply(3);

        SyncReport report = f.engine("a", 10).build().run(SyncRequest.incremental().withModels(Fixture.PRODUCT));

        assertThat(report.outcome()).isEqualTo(Outcome.PARTIAL);
        long readsWhenStopped = f.calls("search_read");
        // pages 1 and 2 applied, page 3 failed while page 4 was being read; nothing after it
        assertThat(readsWhenStopped).isEqualTo(4);
        Checkpoint cp = f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
        // pages are handed over whole; the checkpoint stops before page 2's last second, which the next read finishes
        assertThat(f.projector.documents(Fixture.SOURCE, Fixture.PRODUCT)).hasSize(20);
        assertThat(cp.writeDate()).isEqualTo(Instant.parse("2025-03-01T10:00:18Z"));
        assertThat(f.calls("search_read")).as("no read outlives the run").isEqualTo(readsWhenStopped);

        assertThat(f.engine("a", 10).build().run(SyncRequest.incremental().withModels(Fixture.PRODUCT)).outcome())
                .isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
    }

    /** Runs a hook before each apply of a product page, then delegates. */
    private record WatchingProjector(Projector delegate, Runnable beforeApply) implements Projector {
        @Override
        public ApplyResult apply(String source, String model, List<OdooRecord> records, Instant fetchedAt) {
            if (model.equals(Fixture.PRODUCT)) {
                beforeApply.run();
            }
            return delegate.apply(source, model, records, fetchedAt);
        }

        @Override
        public long delete(String source, String model, Collection<Long> odooIds) {
            return delegate.delete(source, model, odooIds);
        }

        @Override
        public long count(String source, String model, long fromId, long toId) {
            return delegate.count(source, model, fromId, toId);
        }

        @Override
        public SortedSet<Long> ids(String source, String model, long fromId, long toId) {
            return delegate.ids(source, model, fromId, toId);
        }

        @Override
        public long maxId(String source, String model) {
            return delegate.maxId(source, model);
        }

        @Override
        public Optional<Map<String, Object>> find(String source, String model, long odooId) {
            return delegate.find(source, model, odooId);
        }

        @Override
        public long deleteAll(String source, String model) {
            return delegate.deleteAll(source, model);
        }
    }
}
