package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.Fault;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parent's sync skips re-reading its children only when the child model was read whole in the same run
 * and that read ended well; when it did not (its reads failed, or it was not part of the run), the parent
 * re-reads the children of the parents it writes, so the children's documents still show the parent's change.
 */
class DependentFallbackIT {
    static final String SOURCE = "shop";
    static final String CHILD = "product.product";
    static final String PARENT = "product.template";

    final ShiftedClock clock = new ShiftedClock(Duration.ofHours(-1));
    final AtomicBoolean childReadsFail = new AtomicBoolean();
    FakeOdoo fake;
    OdooClient odoo;
    StateDatabase state;
    ReadModel readModel;
    SyncEngine engine;

    @BeforeEach
    void start() {
        fake = FakeOdoo.builder().products(40).seed(7).clock(clock).build().start();
        odoo = fake.client(Transport.JSON2);
        state = World.freshState();
        readModel = World.inMemoryReadModel();
        // One model at a time, children first: when armed, every request fails while the variants sync, none otherwise.
        SyncListener faultTheChild = new SyncListener() {
            @Override
            public void modelStarted(String source, String model, SyncMode mode) {
                if (childReadsFail.get() && model.equals(CHILD)) {
                    fake.faults().rate(1.0, Fault.HTTP_503);
                }
            }

            @Override
            public void modelFinished(ModelReport report) {
                fake.faults().clear();
            }
        };
        engine = World.engine(Map.of(SOURCE, odoo), readModel, state, "fallback", faultTheChild).parallelism(1).build();
        SyncReport full = engine.run(SyncRequest.full());
        assertThat(full.outcome()).as(full.toString()).isEqualTo(Outcome.OK);
    }

    @AfterEach
    void stop() {
        fake.faults().clear();
        readModel.close();
        state.close();
        odoo.close();
        fake.close();
    }

    @Test
    void templateRenameReachesTheVariantsWhenTheVariantsFullReadFailsInTheSameRun() {
        OdooRecord variant = aVariant();
        renameTemplateOf(variant, "Renamed while the variants fail");
        childReadsFail.set(true);

        SyncReport run = engine.run(SyncRequest.full());

        assertThat(run.get(SOURCE, CHILD).orElseThrow().outcome()).as(run.toString()).isEqualTo(Outcome.FAILED);
        assertThat(run.get(SOURCE, PARENT).orElseThrow().outcome()).as(run.toString()).isEqualTo(Outcome.OK);
        assertVariantShows(variant.id(), "Renamed while the variants fail");
    }

    @Test
    void templateRenameReachesTheVariantsWhenAFullRunLeavesTheVariantsOut() {
        OdooRecord variant = aVariant();
        renameTemplateOf(variant, "Renamed in a templates-only run");

        SyncReport run = engine.run(SyncRequest.full().withModels(PARENT));

        assertThat(run.get(SOURCE, CHILD)).as(run.toString()).isEmpty();
        assertThat(run.outcome()).as(run.toString()).isEqualTo(Outcome.OK);
        assertVariantShows(variant.id(), "Renamed in a templates-only run");
    }

    private OdooRecord aVariant() {
        return odoo.model(CHILD).searchRead(Domains.all(), List.of("product_tmpl_id"), SearchOptions.DEFAULT.limit(1)).get(0);
    }

    private void renameTemplateOf(OdooRecord variant, String name) {
        clock.shift(Duration.ofMinutes(30));
        odoo.model(PARENT).write(List.of(variant.getRef("product_tmpl_id").id()), Map.of("name", name));
        assertThat(readModel.projector().find(SOURCE, CHILD, variant.id()).orElseThrow().get("name")).isNotEqualTo(name);
    }

    private void assertVariantShows(long variant, String templateName) {
        Map<String, Object> doc = readModel.projector().find(SOURCE, CHILD, variant).orElseThrow();
        assertThat(doc.get("name")).isEqualTo(templateName);
        assertThat(String.valueOf(doc.get("display_name"))).contains(templateName);
    }
}
