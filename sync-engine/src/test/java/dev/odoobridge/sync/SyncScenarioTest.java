package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncScenarioTest {
    @RegisterExtension
    final Fixtures fixtures = new Fixtures();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomChangesThenIncrementalWithReconciliationMirrorOdoo(long seed) {
        Fixture f = fixtures.open();
        Random random = new Random(seed);
        f.mutate(random, 300);
        SyncEngine engine = f.engine("a", 1 + random.nextInt(40)).build();
        assertThat(engine.run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);
        for (int round = 0; round < 3; round++) {
            f.clock.advance(Duration.ofSeconds(random.nextInt(120)));
            f.mutate(random, 150);
            SyncReport report = engine.run(SyncRequest.incremental().withReconcile(true));
            assertThat(report.outcome()).isEqualTo(Outcome.OK);
            f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
            f.assertMirrors(Fixture.SOURCE, Fixture.QUANT, Fixture.QUANT_FIELDS);
            assertThat(engine.verify(Fixture.SOURCE, Fixture.PRODUCT, VerifyOptions.everything()).drifts()).isEmpty();
            assertThat(engine.verify(Fixture.SOURCE, Fixture.QUANT, VerifyOptions.everything()).drifts()).isEmpty();
        }
        assertThat(f.store.recentRuns(100)).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("ok"));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void aCrashAtARandomPageLosesNothingAndTheNextEngineResumes(long seed) {
        Fixture f = fixtures.open();
        Random random = new Random(seed);
        f.mutate(random, 400);
        // each page is applied once: crash within the first 12 applies
        int crashAt = 1 + random.nextInt(12);
        f.projector.crashOnApply(crashAt);
        SyncReport crashed = f.engine("first", 10).build().run(SyncRequest.incremental());
        ModelReport failed = crashed.models().stream().filter(m -> m.outcome() != Outcome.OK).findFirst().orElseThrow();
        assertThat(failed.message()).contains("injected crash").contains("checkpoint stays at");
        assertCheckpointCovered(f, failed.model());

        f.mutate(random, 50);
        SyncReport resumed = f.engine("second", 10).build().run(SyncRequest.incremental().withReconcile(true));
        assertThat(resumed.outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        f.assertMirrors(Fixture.SOURCE, Fixture.QUANT, Fixture.QUANT_FIELDS);
        assertThat(f.projector.count(Fixture.SOURCE, Fixture.PRODUCT, 0, Long.MAX_VALUE))
                .isEqualTo(f.ids(Fixture.PRODUCT).size());
    }

    /** Every Odoo row whose second is at or before the checkpoint is in the read model at its current version. */
    private static void assertCheckpointCovered(Fixture f, String model) {
        f.store.checkpoint(Fixture.SOURCE, model).ifPresent(cp -> {
            Map<Long, Map<String, Object>> docs = f.projector.documents(Fixture.SOURCE, model);
            f.rows(model, List.of("write_date")).forEach((id, row) -> {
                Instant wd = dev.odoobridge.client.value.OdooValues.parseDatetime((String) row.get("write_date"));
                if (!wd.isAfter(cp.writeDate())) {
                    assertThat(docs).as("record %d of %s at %s is covered by checkpoint %s", id, model, wd, cp).containsKey(id);
                    assertThat(docs.get(id).get("write_date")).isEqualTo(wd);
                }
            });
        });
    }

    // seeds whose first run draws at least one fault (a fault-free first run would test nothing)
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 28, 29})
    void tenPercentFaultsEndCorrectOrWithAClearErrorAndACoveredCheckpoint(long seed) {
        Fixture f = fixtures.open();
        Random random = new Random(seed);
        for (int i = 0; i < 30; i++) {
            f.mutate(random, 10);
            f.clock.advance(Duration.ofMinutes(1));
        }
        SyncEngine engine = f.engine("a", 8).build();
        f.readFaults(0.10, seed);
        int failures = 0;
        for (int attempt = 0; attempt < 200; attempt++) {
            SyncReport report = engine.run(SyncRequest.incremental().withReconcile(true));
            if (report.outcome() == Outcome.OK) {
                f.readFaults(0, 0);
                f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
                f.assertMirrors(Fixture.SOURCE, Fixture.QUANT, Fixture.QUANT_FIELDS);
                assertThat(failures).as("some runs saw a fault").isPositive();
                return;
            }
            failures++;
            for (ModelReport m : report.models()) {
                if (m.outcome() != Outcome.OK) {
                    assertThat(m.message()).contains("failed mid-exchange").contains("checkpoint stays at");
                    assertCheckpointCovered(f, m.model());
                }
            }
        }
        throw new AssertionError("200 runs at 10% faults never finished");
    }

    @Test
    void twoEnginesSharingAStateStoreNeverSyncTheSameModelAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            Fixture f = fixtures.open();
            f.mutate(new Random(round), 500);
            SyncEngine a = f.engine("host-a", 5).parallelism(2).build();
            SyncEngine b = f.engine("host-b", 5).parallelism(2).build();
            CompletableFuture<SyncReport> ra = CompletableFuture.supplyAsync(() -> a.run(SyncRequest.incremental()));
            CompletableFuture<SyncReport> rb = CompletableFuture.supplyAsync(() -> b.run(SyncRequest.incremental()));
            List<ModelReport> all = new ArrayList<>(ra.get().models());
            all.addAll(rb.get().models());
            assertThat(f.projector.maxConcurrentApplies()).isEqualTo(1);
            assertThat(all).allSatisfy(m -> assertThat(m.outcome()).isIn(Outcome.OK, Outcome.SKIPPED));
            all.stream().filter(m -> m.outcome() == Outcome.SKIPPED)
                    .forEach(m -> assertThat(m.describeOutcome()).startsWith("skipped: leased by"));
            SyncReport after = a.run(SyncRequest.incremental());
            assertThat(after.outcome()).isEqualTo(Outcome.OK);
            f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
            f.assertMirrors(Fixture.SOURCE, Fixture.QUANT, Fixture.QUANT_FIELDS);
        }
    }

    @Test
    void aModelLeasedByAnotherOwnerIsSkippedAndTheOthersRun() {
        Fixture f = fixtures.open();
        f.product("a", 1);
        assertThat(f.store.tryAcquireLease(Fixture.SOURCE, Fixture.PRODUCT, "host-z", Duration.ofMinutes(1))).isTrue();
        SyncReport report = f.engine("host-a", 10).build().run(SyncRequest.incremental());
        assertThat(report.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow().describeOutcome())
                .startsWith("skipped: leased by host-z until ");
        assertThat(report.get(Fixture.SOURCE, Fixture.QUANT).orElseThrow().outcome()).isEqualTo(Outcome.OK);
        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        assertThat(f.projector.documents(Fixture.SOURCE, Fixture.PRODUCT)).isEmpty();
        // once the lease expires, the model is taken over
        f.clock.advance(Duration.ofMinutes(2));
        f.engine("host-a", 10).build().run(SyncRequest.incremental());
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        assertThat(f.store.leaseHolder(Fixture.SOURCE, Fixture.PRODUCT)).isEmpty();
    }
}
