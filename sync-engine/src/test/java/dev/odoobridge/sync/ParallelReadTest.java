package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.state.ScanProgress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full runs with several page reads at once: by id ranges, then the changes made meanwhile by write_date. */
class ParallelReadTest {
    @RegisterExtension
    final Fixtures fixtures = new Fixtures();

    private static SyncEngine engine(Fixture f, String owner, int pageSize, int readers) {
        return f.engine(owner, pageSize).readers(readers).build();
    }

    /** Products a second apart, the last an hour ago; with no overlap, the read after the id ranges finds one. */
    private static void catalog(Fixture f, int products) {
        for (int i = 0; i < products; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            f.insertAt(f.product("p" + i, i, 0), f.clock.instant());
        }
        f.clock.advance(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aParallelFullRunWhileOdooChangesEndsEqualToOdoo(long seed) {
        Fixture f = fixtures.open();
        Random random = new Random(seed);
        f.mutate(random, 600);
        Random concurrent = new Random(seed + 100);
        // changes between (and during) the page reads of the run: creates, writes, archives, deletions
        f.beforeEachRead(() -> {
            if (concurrent.nextInt(3) == 0) {
                f.mutate(concurrent, 1 + concurrent.nextInt(3));
            }
        });
        SyncEngine engine = engine(f, "a", 1 + random.nextInt(30), 2 + random.nextInt(4));
        assertThat(engine.run(SyncRequest.full().withReconcile(true)).outcome()).isEqualTo(Outcome.OK);
        f.beforeEachRead(() -> { });
        assertThat(f.store.scanProgress(Fixture.SOURCE, Fixture.PRODUCT)).isEmpty();
        assertThat(f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT)).isPresent();

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(engine.run(SyncRequest.incremental().withReconcile(true)).outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        f.assertMirrors(Fixture.SOURCE, Fixture.QUANT, Fixture.QUANT_FIELDS);
        assertThat(engine.verify(Fixture.SOURCE, Fixture.PRODUCT, VerifyOptions.everything()).drifts()).isEmpty();
    }

    @Test
    void aParallelFullRunReadsEachRecordOnceByIdThenOnlyTheOverlap() {
        Fixture f = fixtures.open();
        catalog(f, 1_000);
        SyncReport report = f.engine("a", 50).readers(4).overlap(Duration.ZERO).build()
                .run(SyncRequest.full().withModels(Fixture.PRODUCT).withReconcile(false));
        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        ModelReport products = report.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
        // the newest record, then every record once by id, then the newest second again
        assertThat(products.counts().read()).isEqualTo(1 + 1_000 + 1);
        assertThat(f.calls("search_read")).isBetween(1L + 1_000 / 50 + 1, 1L + 1_000 / 50 + 1 + 1_000 / 200 + 1);
        assertThat(f.calls("search_count")).isEqualTo(1);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void aRunKilledInTheMiddleIsResumedByTheNextRunWithoutReadingTheDoneRangesAgain(long seed) {
        Fixture f = fixtures.open();
        Random random = new Random(seed);
        catalog(f, 2_000);
        f.projector.crashOnApply(20 + random.nextInt(40));
        SyncReport crashed = f.engine("first", 20).readers(3).overlap(Duration.ZERO).build().run(SyncRequest.full().withModels(Fixture.PRODUCT));
        ModelReport failed = crashed.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
        assertThat(failed.outcome()).isNotEqualTo(Outcome.OK);
        assertThat(failed.message()).contains("injected crash");
        Optional<ScanProgress> progress = f.store.scanProgress(Fixture.SOURCE, Fixture.PRODUCT);
        assertThat(progress).isPresent();
        long doneThrough = progress.get().doneThroughId();
        // everything up to the stored progress is in the read model
        Map<Long, Map<String, Object>> docs = f.projector.documents(Fixture.SOURCE, Fixture.PRODUCT);
        f.ids(Fixture.PRODUCT).stream().filter(id -> id <= doneThrough)
                .forEach(id -> assertThat(docs).as("id %d up to the progress %d", id, doneThrough).containsKey(id));

        f.resetCalls();
        SyncReport resumed = f.engine("second", 20).readers(3).overlap(Duration.ZERO).build().run(SyncRequest.incremental().withModels(Fixture.PRODUCT)
                .withReconcile(true));
        assertThat(resumed.outcome()).isEqualTo(Outcome.OK);
        long total = f.ids(Fixture.PRODUCT).size();
        assertThat(f.store.scanProgress(Fixture.SOURCE, Fixture.PRODUCT)).isEmpty();
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        // the resumed read skipped the ranges done before (and its readers read at most one page past a failure)
        long rowsRead = resumed.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow().counts().read();
        assertThat(rowsRead).as("records read by the resumed run").isLessThanOrEqualTo(total - doneThrough + 1);
    }

    @Test
    void aFullRunStartsOverInsteadOfResumingAndSoDoesAReadOfOtherFields() {
        Fixture f = fixtures.open();
        for (int i = 0; i < 500; i++) {
            f.product("p" + i, i);
        }
        f.projector.crashOnApply(10);
        engine(f, "a", 10, 2).run(SyncRequest.full().withModels(Fixture.PRODUCT));
        ScanProgress left = f.store.scanProgress(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
        assertThat(left.doneThroughId()).isLessThan(left.maxId());

        int savesBefore = f.store.savedScanProgress().size();
        assertThat(engine(f, "a", 10, 2).run(SyncRequest.full().withModels(Fixture.PRODUCT)).outcome()).isEqualTo(Outcome.OK);
        // started over: its first progress was stored at id 0, not where the killed run stopped
        assertThat(f.store.savedScanProgress().get(savesBefore).doneThroughId()).isZero();
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);

        // progress of a read with other fields is not resumed by an incremental run
        f.store.saveScanProgress(new ScanProgress(Fixture.SOURCE, Fixture.PRODUCT, "id,write_date,name", left.newestWriteDate(),
                left.maxId(), left.maxId(), left.updatedAt()));
        f.product("late", 1);
        assertThat(engine(f, "a", 10, 2).run(SyncRequest.incremental().withModels(Fixture.PRODUCT)).outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void readsFailingAtRandomStopTheRunWithItsProgressAndRepeatedRunsConverge(long seed) {
        Fixture f = fixtures.open();
        Random random = new Random(seed);
        for (int i = 0; i < 30; i++) {
            f.mutate(random, 20);
            f.clock.advance(Duration.ofMinutes(1));
        }
        f.readFaults(0.08, seed);
        AtomicInteger failures = new AtomicInteger();
        for (int attempt = 0; attempt < 200; attempt++) {
            SyncRequest request = attempt == 0 ? SyncRequest.full() : SyncRequest.incremental();
            SyncReport report = engine(f, "a", 7, 4).run(request.withReconcile(true));
            if (report.outcome() == Outcome.OK) {
                f.readFaults(0, 0);
                assertThat(failures.get()).as("some runs saw a fault").isPositive();
                f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
                f.assertMirrors(Fixture.SOURCE, Fixture.QUANT, Fixture.QUANT_FIELDS);
                return;
            }
            failures.incrementAndGet();
            report.models().stream().filter(m -> m.outcome() != Outcome.OK)
                    .forEach(m -> assertThat(m.message()).contains("failed mid-exchange"));
        }
        throw new AssertionError("200 runs at 8% faults never finished");
    }
}
