package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Two engines on one source never run a (source, model) at once; two sources share one read model. */
class ConcurrencyAndSourcesIT {

    record Interval(String owner, String model, long start, long end) {
    }

    @Test
    void twoEnginesStartedAtOnceNeverOverlapOnAModel() throws Exception {
        try (FakeOdoo fake = FakeOdoo.builder().products(150).seed(3).build().start();
             OdooClient odoo = fake.client(Transport.JSON2);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            List<Interval> intervals = Collections.synchronizedList(new ArrayList<>());
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<SyncReport>> runs = new ArrayList<>();
            for (String owner : List.of("engine-a", "engine-b")) {
                SyncEngine engine = World.engine(Map.of("shop", odoo), readModel, state, owner, recorder(owner, intervals)).build();
                runs.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return engine.run(SyncRequest.full());
                }));
            }
            List<ModelReport> all = new ArrayList<>();
            for (CompletableFuture<SyncReport> run : runs) {
                all.addAll(run.get().models());
            }
            assertThat(all).allMatch(m -> m.outcome() == Outcome.OK || m.outcome() == Outcome.SKIPPED, "ok or skipped");
            for (String model : World.MODELS) {
                assertThat(all).as("someone synced %s", model).anyMatch(m -> m.model().equals(model) && m.outcome() == Outcome.OK);
                List<Interval> of = intervals.stream().filter(i -> i.model().equals(model)).toList();
                for (Interval a : of) {
                    for (Interval b : of) {
                        if (a != b) {
                            assertThat(a.end() <= b.start() || b.end() <= a.start())
                                    .as("%s and %s overlap", a, b).isTrue();
                        }
                    }
                }
            }
            assertThat(all).as("the second engine was kept out of at least one model it tried")
                    .anyMatch(m -> m.outcome() == Outcome.SKIPPED);
            SyncEngine checker = World.engine(Map.of("shop", odoo), readModel, state, "checker", SyncListener.NONE).build();
            World.assertVerified(checker, "shop");
            World.assertSameAsOdoo(odoo, readModel.projector(), "shop");
        }
    }

    @Test
    void twoSourcesIntoOneReadModelKeyedBySource() {
        try (FakeOdoo north = FakeOdoo.builder().products(120).seed(101).build().start();
             FakeOdoo south = FakeOdoo.builder().products(80).seed(202).build().start();
             OdooClient northClient = north.client(Transport.JSON2);
             OdooClient southClient = south.client(Transport.XMLRPC);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            SyncEngine engine = World.engine(Map.of("north", northClient, "south", southClient), readModel, state,
                    "multi", SyncListener.NONE).build();
            assertThat(engine.run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);
            new Mutations(northClient, 1).apply(30);
            new Mutations(southClient, 2).apply(30);
            SyncReport report = engine.run(SyncRequest.incremental().withReconcile(true));
            assertThat(report.outcome()).as(report.toString()).isEqualTo(Outcome.OK);
            for (var entry : Map.of("north", northClient, "south", southClient).entrySet()) {
                World.assertVerified(engine, entry.getKey());
                World.assertSameAsOdoo(entry.getValue(), readModel.projector(), entry.getKey());
            }
            assertThat(readModel.projector().count("north", "product.product", 0, Long.MAX_VALUE))
                    .isNotEqualTo(readModel.projector().count("south", "product.product", 0, Long.MAX_VALUE));
            assertThat(state.stateStore().checkpoints()).extracting(c -> c.source()).contains("north", "south");
        }
    }

    private static SyncListener recorder(String owner, List<Interval> intervals) {
        Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        return new SyncListener() {
            @Override
            public void modelStarted(String source, String model, SyncMode mode) {
                started.put(model, System.nanoTime());
            }

            @Override
            public void modelFinished(ModelReport report) {
                Long start = started.remove(report.model());
                if (start != null) {
                    intervals.add(new Interval(owner, report.model(), start, System.nanoTime()));
                }
            }
        };
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException("engines could not start together", e);
        }
    }
}
