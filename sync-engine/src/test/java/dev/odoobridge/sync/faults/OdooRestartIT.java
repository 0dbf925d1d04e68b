package dev.odoobridge.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.RetryPolicy;
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
import dev.odoobridge.testkit.FakeOdoo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odoo goes away in the middle of a full sync and comes back on the same port (with changes made
 * meanwhile): the run stops with an error that says what was being read, and the next
 * incremental run converges to Odoo's state.
 */
class OdooRestartIT {
    static final int RECORDS = 600;
    static final Projection PROJECTION = new Projection(Partners.MODEL, "res_partner", Partners.FIELDS);

    @TempDir
    Path dir;

    @Test
    void syncStopsCleanlyAndTheNextRunConverges() throws Exception {
        int port = freePort();
        FakeOdoo first = FakeOdoo.builder().port(port).build().start();
        Partners.load(first.orm(), RECORDS);
        SyncListener stopOdooAfterThreePages = AfterPage.run(3, first::close);
        try (StateDatabase state = StateDatabase.embedded(dir.resolve("state"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().inMemory().projection(PROJECTION).build());
             OdooClient client = OdooClients.create(first.config(Transport.JSONRPC, FakeOdoo.ADMIN).toBuilder()
                     .retryPolicy(new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100), 2.0)).build())) {
            SyncEngine engine = SyncEngine.builder().source("odoo", client).projector(readModel.projector())
                    .stateStore(state.stateStore()).projections(List.of(PROJECTION)).pageSize(100)
                    .lease("restart-test", Duration.ofMinutes(1)).listener(stopOdooAfterThreePages).build();

            ModelReport broken = engine.run(SyncRequest.full()).get("odoo", Partners.MODEL).orElseThrow();
            assertThat(broken.outcome()).isIn(Outcome.PARTIAL, Outcome.FAILED);
            // the page read or the re-read of the page's child partners (whichever reaches Odoo first) names the model
            assertThat(broken.message()).containsPattern("reading (the )?res.partner").contains("cannot connect")
                    .contains("checkpoint stays at");
            assertThat(broken.counts().read()).isLessThan(RECORDS);

            try (FakeOdoo second = FakeOdoo.builder().port(port).build().start()) {
                Partners.load(second.orm(), RECORDS);
                ModelHandle partners = second.client(Transport.JSONRPC).model(Partners.MODEL);
                partners.write(List.of(5L, 250L, 599L), Map.of("city", "Antwerp"));
                partners.create(Map.of("name", "Created while the sync was down"));

                ModelReport resumed = engine.run(SyncRequest.incremental().withReconcile(true))
                        .get("odoo", Partners.MODEL).orElseThrow();
                assertThat(resumed.outcome()).isEqualTo(Outcome.OK);
                assertThat(engine.verify("odoo", Partners.MODEL, VerifyOptions.everything()).isClean()).isTrue();
                assertThat(readModel.projector().find("odoo", Partners.MODEL, 250L).orElseThrow())
                        .containsEntry("city", "Antwerp");
            }
        } finally {
            first.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
