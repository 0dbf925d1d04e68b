package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values a record shows from another record reach the read model; one2many lists are not projected, so never stale. */
class DependentsIT {
    static final String SOURCE = "shop";

    final ShiftedClock clock = new ShiftedClock(Duration.ofHours(-1));
    FakeOdoo fake;
    OdooClient odoo;
    StateDatabase state;
    ReadModel readModel;
    SyncEngine engine;

    @BeforeEach
    void start() {
        fake = FakeOdoo.builder().products(40).seed(5).clock(clock).build().start();
        odoo = fake.client(Transport.JSON2);
        state = World.freshState();
        readModel = World.inMemoryReadModel();
        engine = World.engine(Map.of(SOURCE, odoo), readModel, state, "deps", SyncListener.NONE).build();
        SyncReport full = engine.run(SyncRequest.full());
        assertThat(full.outcome()).as(full.toString()).isEqualTo(Outcome.OK);
    }

    @AfterEach
    void stop() {
        readModel.close();
        state.close();
        odoo.close();
        fake.close();
    }

    @Test
    void templateNameAndPriceReachTheVariantDocumentsInTheTemplatesRun() {
        OdooRecord variant = odoo.model("product.product").searchRead(Domains.all(), List.of("product_tmpl_id"),
                SearchOptions.DEFAULT.limit(1)).get(0);
        long template = variant.getRef("product_tmpl_id").id();
        clock.shift(Duration.ofMinutes(30));
        odoo.model("product.template").write(List.of(template), Map.of("name", "Renamed on the template", "list_price", 77.5));

        SyncReport run = engine.run(SyncRequest.incremental().withModels("product.template"));

        assertThat(run.outcome()).as(run.toString()).isEqualTo(Outcome.OK);
        Map<String, Object> doc = readModel.projector().find(SOURCE, "product.product", variant.id()).orElseThrow();
        assertThat(doc.get("name")).isEqualTo("Renamed on the template");
        assertThat(((Number) doc.get("list_price")).doubleValue()).isEqualTo(77.5);
        assertThat(engine.run(SyncRequest.incremental().withReconcile(true)).outcome()).isEqualTo(Outcome.OK);
        World.assertVerified(engine, SOURCE);
        World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);
    }

    @Test
    void deletingAChildPartnerLeavesNoStaleListOnItsParent() {
        long company = odoo.model("res.partner").create(Map.of("name", "Parent Co", "is_company", true));
        long child = odoo.model("res.partner").create(Map.of("name", "Contact", "parent_id", company));
        assertThat(engine.run(SyncRequest.incremental()).outcome()).isEqualTo(Outcome.OK);
        Projector projector = readModel.projector();
        assertThat(projector.find(SOURCE, "res.partner", child).orElseThrow().get("parent_id"))
                .isEqualTo(Map.of("id", company, "name", "Parent Co"));

        odoo.model("res.partner").unlink(List.of(child));
        assertThat(engine.run(SyncRequest.incremental().withReconcile(true)).outcome()).isEqualTo(Outcome.OK);

        assertThat(projector.find(SOURCE, "res.partner", child)).isEmpty();
        assertThat(projector.find(SOURCE, "res.partner", company).orElseThrow()).doesNotContainKey("child_ids");
        World.assertVerified(engine, SOURCE);
        World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);
    }
}
