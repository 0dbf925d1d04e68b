package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WriteDates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full sync of data shaped like a real CSV import (hundreds of records in each second of
 * write_date, one transaction each): every record read once, and the variants of the templates
 * not re-read when product.product is read whole in the same run.
 */
class BulkImportSyncIT {
    static final String SOURCE = "shop";

    final ShiftedClock clock = new ShiftedClock(Duration.ofHours(-1));
    FakeOdoo fake;
    OdooClient odoo;
    StateDatabase state;
    ReadModel readModel;

    @BeforeEach
    void start() {
        fake = FakeOdoo.builder().products(600).seed(12).clock(clock).writeDates(WriteDates.bulkImport(120)).build().start();
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

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aFullSyncReadsAndWritesEachRecordOnceAndMirrorsOdoo(int parallelism) {
        SyncEngine engine = World.engine(Map.of(SOURCE, odoo), readModel, state, "it-owner", SyncListener.NONE)
                .parallelism(parallelism).build();
        SyncReport report = engine.run(SyncRequest.full());
        assertThat(report.outcome()).as(report.toString()).isEqualTo(Outcome.OK);
        World.assertSameAsOdoo(odoo, readModel.projector(), SOURCE);
        World.assertVerified(engine, SOURCE);

        for (String model : List.of("product.product", "product.template")) {
            long records = odoo.model(model).searchCount(Domains.all(), SearchOptions.DEFAULT.includeArchived());
            ModelReport r = report.get(SOURCE, model).orElseThrow();
            assertThat(r.counts().read()).as("%s records read for %d records", model, records)
                    .isLessThanOrEqualTo(records + records / 20);
        }
        long variants = odoo.model("product.product").searchCount(Domains.all(), SearchOptions.DEFAULT.includeArchived());
        long variantWrites = report.get(SOURCE, "product.product").orElseThrow().counts().written()
                + report.get(SOURCE, "product.template").orElseThrow().counts().written()
                - odoo.model("product.template").searchCount(Domains.all(), SearchOptions.DEFAULT.includeArchived());
        assertThat(variantWrites).as("variants written by both syncs (the templates' own writes taken away)")
                .isEqualTo(variants);
    }
}
