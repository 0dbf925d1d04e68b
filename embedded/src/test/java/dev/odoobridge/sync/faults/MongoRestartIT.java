package dev.odoobridge.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.VerifyOptions;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.state.StateStore;
import dev.odoobridge.testkit.FakeOdoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB goes away in the middle of a full sync: the embedded read model (H2 file store) is
 * closed from another thread, or a MongoDB server is stopped and later restarted on the same
 * port and file. The interrupted run fails with a message naming the read model write and the
 * checkpoint, the checkpoint never covers a record MongoDB lacks, and the next run converges.
 */
class MongoRestartIT {
    static final String SOURCE = "odoo";
    static final int RECORDS = 600;
    static final Projection PROJECTION = new Projection(Partners.MODEL, "res_partner", Partners.FIELDS);

    @TempDir
    Path dir;

    @Test
    void embeddedReadModelClosedMidSyncThenReopened() throws Exception {
        Path mongoDir = dir.resolve("mongo");
        try (FakeOdoo fake = FakeOdoo.builder().build().start();
             OdooClient odoo = fake.client(Transport.JSON2);
             StateDatabase state = StateDatabase.embedded(dir.resolve("state"))) {
            Partners.load(fake.orm(), RECORDS);
            ReadModel first = ReadModels.open(ReadModelConfig.builder().dataDirectory(mongoDir).projection(PROJECTION).build());
            try {
                SyncListener closeAfterThreePages = AfterPage.run(3, AfterPage.onOwnThread("read-model-closer", first::close));
                ModelReport broken = engine(odoo, first, state.stateStore(), closeAfterThreePages).run(SyncRequest.full())
                        .get(SOURCE, Partners.MODEL).orElseThrow();
                assertThat(broken.outcome()).isIn(Outcome.PARTIAL, Outcome.FAILED);
                assertThat(broken.message()).contains("read model").contains("checkpoint stays at");
            } finally {
                first.close();
            }
            try (ReadModel second = ReadModels.open(ReadModelConfig.builder().dataDirectory(mongoDir).projection(PROJECTION).build())) {
                int covered = CheckpointCoverage.assertCovered(odoo, SOURCE, Partners.MODEL,
                        state.stateStore().checkpoint(SOURCE, Partners.MODEL), second.projector());
                assertThat(covered).as("the pages before the close were checkpointed").isGreaterThanOrEqualTo(100).isLessThan(RECORDS);
                Partners.changeOdoo(odoo);
                SyncEngine engine = engine(odoo, second, state.stateStore(), SyncListener.NONE);
                ModelReport resumed = engine.run(SyncRequest.incremental().withReconcile(true)).get(SOURCE, Partners.MODEL).orElseThrow();
                assertThat(resumed.outcome()).as(resumed.describeOutcome()).isEqualTo(Outcome.OK);
                assertThat(engine.verify(SOURCE, Partners.MODEL, VerifyOptions.everything()).isClean()).isTrue();
                assertThat(second.projector().find(SOURCE, Partners.MODEL, 250L).orElseThrow()).containsEntry("city", "Antwerp");
            }
        }
    }

    @Test
    void mongoServerStoppedMidSyncAndRestartedOnTheSameFile() throws Exception {
        int port = OdooRestartIT.freePort();
        Files.createDirectories(dir.resolve("mongo-server"));
        String file = dir.resolve("mongo-server").resolve("store.mv").toString();
        MongoServer[] server = {start(file, port)};
        try (FakeOdoo fake = FakeOdoo.builder().build().start();
             OdooClient odoo = fake.client(Transport.JSON2);
             StateDatabase state = StateDatabase.embedded(dir.resolve("state"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().connectionString("mongodb://127.0.0.1:" + port)
                     .projection(PROJECTION).build())) {
            Partners.load(fake.orm(), RECORDS);
            SyncListener stopAfterTwoPages = AfterPage.run(2, () -> server[0].shutdownNow());
            SyncEngine engine = engine(odoo, readModel, state.stateStore(), stopAfterTwoPages);
            ModelReport broken = engine.run(SyncRequest.full()).get(SOURCE, Partners.MODEL).orElseThrow();
            assertThat(broken.outcome()).isIn(Outcome.PARTIAL, Outcome.FAILED);
            assertThat(broken.message()).contains("read model").contains("checkpoint stays at");

            server[0] = start(file, port); // same port, same H2 file: the engine's client reconnects
            int covered = CheckpointCoverage.assertCovered(odoo, SOURCE, Partners.MODEL,
                    state.stateStore().checkpoint(SOURCE, Partners.MODEL), readModel.projector());
            assertThat(covered).isPositive().isLessThan(RECORDS);
            Partners.changeOdoo(odoo);
            ModelReport resumed = engine.run(SyncRequest.incremental().withReconcile(true)).get(SOURCE, Partners.MODEL).orElseThrow();
            assertThat(resumed.outcome()).as(resumed.describeOutcome()).isEqualTo(Outcome.OK);
            assertThat(engine.verify(SOURCE, Partners.MODEL, VerifyOptions.everything()).isClean()).isTrue();
            assertThat(readModel.projector().find(SOURCE, Partners.MODEL, 250L).orElseThrow()).containsEntry("city", "Antwerp");
        } finally {
            server[0].shutdownNow();
        }
    }

    private static MongoServer start(String file, int port) {
        MongoServer server = new MongoServer(new H2Backend(file));
        server.bind("127.0.0.1", port);
        return server;
    }

    static SyncEngine engine(OdooClient odoo, ReadModel readModel, StateStore store, SyncListener listener) {
        return SyncEngine.builder().source(SOURCE, odoo).projector(readModel.projector()).stateStore(store)
                .projections(List.of(PROJECTION)).pageSize(100).lease("mongo-restart", Duration.ofMinutes(1))
                .listener(listener).build();
    }
}
