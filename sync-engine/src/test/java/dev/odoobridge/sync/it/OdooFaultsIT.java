package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.Fault;
import dev.odoobridge.testkit.FakeOdoo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 5xx and dropped connections at 10 %: each run finishes correct or stops clearly; then it converges. */
class OdooFaultsIT {

    @Test
    void faultsNeverLeaveASilentGap() {
        try (FakeOdoo fake = FakeOdoo.builder().products(120).seed(31).build().start();
             OdooClient odoo = fake.client(Transport.JSON2);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            SyncEngine engine = World.engine(Map.of("shop", odoo), readModel, state, "faulty", SyncListener.NONE).build();
            int failedRuns = 0;
            for (int round = 0; round < 4; round++) {
                new Mutations(odoo, 900 + round).apply(10);
                Map<String, Optional<Checkpoint>> before = new HashMap<>();
                World.MODELS.forEach(m -> before.put(m, state.stateStore().checkpoint("shop", m)));
                fake.faults().rate(0.04, Fault.HTTP_503).rate(0.03, Fault.HTTP_502).rate(0.03, Fault.RESET);
                SyncReport report = engine.run(SyncRequest.incremental().withReconcile(true));
                fake.faults().clear();
                for (ModelReport m : report.models()) {
                    if (m.outcome() == Outcome.OK) {
                        assertThat(engine.verify("shop", m.model(), dev.odoobridge.sync.VerifyOptions.everything()).drifts())
                                .as("%s reported ok under faults", m.model()).isEmpty();
                    } else {
                        failedRuns++;
                        assertThat(m.message()).as("a stopped run says why and where").contains("checkpoint");
                        if (m.outcome() == Outcome.FAILED) {
                            assertThat(state.stateStore().checkpoint("shop", m.model()))
                                    .as("failed run of %s left the checkpoint unmoved", m.model()).isEqualTo(before.get(m.model()));
                        }
                    }
                }
            }
            SyncReport clean = engine.run(SyncRequest.incremental().withReconcile(true));
            assertThat(clean.outcome()).as(clean.toString()).isEqualTo(Outcome.OK);
            World.assertVerified(engine, "shop");
            World.assertSameAsOdoo(odoo, readModel.projector(), "shop");
            System.out.println("odoo faults: " + failedRuns + " model runs stopped under faults");
        }
    }
}
