package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full sync, random changes, incremental sync with reconciliation, and a long transaction's late commit. */
class IncrementalSyncIT {
    static final String SOURCE = "shop";

    final ShiftedClock clock = new ShiftedClock(Duration.ofHours(-1));
    FakeOdoo fake;
    OdooClient odoo;
    StateDatabase state;
    ReadModel readModel;

    @BeforeEach
    void start() {
        fake = FakeOdoo.builder().products(150).seed(11).clock(clock).build().start();
        odoo = fake.client(Transport.JSON2);
        state = World.freshState();
        readModel = World.inMemoryReadModel();
    }

    @AfterEach
    void stop() {
        readModel.close();
        state.close();
        odoo.close();
        fake.close();
    }

    private SyncEngine engine(Duration overlap) {
        return World.engine(Map.of(SOURCE, odoo), readModel, state, "it-owner", SyncListener.NONE).overlap(overlap).build();
    }

    @Test
    void randomChangesThenIncrementalSyncAndReconciliationEqualsOdoo() {
        SyncEngine engine = engine(Duration.ofMinutes(10));
        SyncReport full = engine.run(SyncRequest.full());
        assertThat(full.outcome()).as(full.toString()).isEqualTo(Outcome.OK);
        World.assertVerified(engine, SOURCE);
        World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);

        for (long round = 1; round <= 3; round++) {
            Mutations changes = new Mutations(odoo, 100 + round).apply(40);
            assertThat(changes.counts()).as("each kind of change happened: %s", changes).allMatch(n -> n > 0);
            SyncReport incremental = engine.run(SyncRequest.incremental().withReconcile(true));
            assertThat(incremental.outcome()).as(incremental.toString()).isEqualTo(Outcome.OK);
            World.assertVerified(engine, SOURCE);
            World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);
        }
        long read = engine.run(SyncRequest.incremental()).get(SOURCE, "product.product").orElseThrow().counts().read();
        long total = odoo.model("product.product").searchCount(Domains.all(), SearchOptions.DEFAULT.includeArchived());
        assertThat(read).as("an incremental run without changes reads only the overlap window, not the catalog")
                .isLessThan(total);
    }

    @Test
    void backDatedWriteWithinTheOverlapIsPickedUp() {
        List<Long> products = odoo.model("product.product").search(Domains.all(), SearchOptions.DEFAULT.limit(2));
        long recent = products.get(0);
        long late = products.get(1);
        // the catalog was created an hour ago (Odoo time); now, 30 minutes later, a write
        clock.shift(Duration.ofMinutes(30));
        odoo.model("product.product").write(List.of(recent), Map.of("name", "Written just now"));
        assertThat(engine(Duration.ofMinutes(10)).run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);
        Checkpoint before = state.stateStore().checkpoint(SOURCE, "product.product").orElseThrow();
        assertThat(before.writeDate()).isAfter(clock.instant().minusSeconds(60));

        // a long transaction started 5 minutes ago (after the record's last write) commits now:
        // its write_date is older than the checkpoint
        fake.backdateNextCommit(Duration.ofMinutes(5));
        odoo.model("product.product").write(List.of(late), Map.of("name", "Committed late", "list_price", 123.45));
        Instant writeDate = odoo.model("product.product").read(List.of(late), List.of("write_date")).get(0).getInstant("write_date");
        assertThat(writeDate).isBefore(before.writeDate().minusSeconds(240));

        // control: an overlap shorter than the transaction misses it (the pitfall is real)
        assertThat(engine(Duration.ofMinutes(1)).run(SyncRequest.incremental()).outcome()).isEqualTo(Outcome.OK);
        assertThat(readModel.projector().find(SOURCE, "product.product", late).orElseThrow().get("name"))
                .isNotEqualTo("Committed late");

        SyncEngine engine = engine(Duration.ofMinutes(10));
        assertThat(engine.run(SyncRequest.incremental()).outcome()).isEqualTo(Outcome.OK);
        Map<String, Object> doc = readModel.projector().find(SOURCE, "product.product", late).orElseThrow();
        assertThat(doc.get("name")).isEqualTo("Committed late");
        assertThat(((Number) doc.get("list_price")).doubleValue()).isEqualTo(123.45);
        assertThat(state.stateStore().checkpoint(SOURCE, "product.product").orElseThrow().writeDate())
                .as("the checkpoint never moves back").isAfterOrEqualTo(before.writeDate());
        World.assertVerified(engine, SOURCE);
        World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);
    }
}
