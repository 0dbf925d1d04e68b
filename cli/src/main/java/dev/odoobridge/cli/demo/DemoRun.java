package dev.odoobridge.cli.demo;

import dev.odoobridge.cli.SyncProgress;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataGenerator;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo from start to end: embedded servers up, full sync, live webhook changes, vendor link,
 * vendor exports, summary. Everything it starts is stopped when it returns or fails.
 */
final class DemoRun {
    static final String SOURCE = "shop";
    /** Top-level customers of the generated shop. */
    static final int CUSTOMERS = 80;
    /** Days of sales history: the vendor report's default window. */
    static final int HISTORY_DAYS = 120;
    /** Budget of sale lines per product; keeps the full sync short while every report has history. */
    static final int SALE_LINES_PER_PRODUCT = 8;

    private final DemoSettings settings;
    private final Narrator narrator;

    DemoRun(DemoSettings settings, Narrator narrator) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.narrator = Objects.requireNonNull(narrator, "narrator == null");
    }

    void run() {
        long started = System.nanoTime();
        new DemoDirectory(settings).prepare();
        narrator.raw("odoo-bridge demo: a retail shop's Odoo, kept in sync with a MongoDB read model.");
        narrator.raw("Everything runs in this process; nothing is installed. Data: " + settings.home());

        narrator.step("Starting FakeOdoo, an in-process Odoo 19 server (with product_expiry, for lot expiry dates) with"
                + " generated retail data; PostgreSQL and MongoDB start meanwhile");
        long t = System.nanoTime();
        RetailDataGenerator generator = RetailDataGenerator.builder().seed(settings.seed())
                .products(settings.products()).customers(CUSTOMERS).days(HISTORY_DAYS)
                .maxSaleLines(settings.products() * SALE_LINES_PER_PRODUCT).productExpiry(true).build();
        AtomicReference<RetailDataSummary> generated = new AtomicReference<>();
        try (EmbeddedStores stores = new EmbeddedStores(settings);
             StopOnExit stop = new StopOnExit(stores);
             FakeOdoo fake = FakeOdoo.builder().seed(settings.seed()).modules("product_expiry")
                     .data(sink -> generated.set(generator.generate(sink))).build().start();
             OdooClient odoo = fake.adminClient()) {
            RetailDataSummary data = Objects.requireNonNull(generated.get(), "generated data");
            narrator.line("%s (database '%s', user admin), Odoo %s", fake.url(), fake.database(),
                    odoo.version().serverVersion());
            narrator.line("%d records: %d products, %d warehouses, %d vendors, %d sale orders, %d stock moves,"
                            + " sales history %s .. %s  (%s)", data.totalRecords(), data.count("product.product"),
                    data.warehouseIds().size(), data.vendorIds().size(), data.count("sale.order"),
                    data.count("stock.move"), data.historyStart(), data.historyEnd(), since(t));
            StateDatabase db = stores.state();
            ReadModel readModel = stores.readModel();
            narrator.line("PostgreSQL  %s (schema v%d): sync state, webhook inbox", db.describe(), db.schemaVersion());
            narrator.line("MongoDB     %s: the read model", readModel.describe());
            narrator.line("all up after %s", since(t));
            run(fake, odoo, data, db, readModel, started);
        }
    }

    /**
     * The models the demo syncs, chosen as {@code odoo-bridge} chooses them when {@code sync.models} is not listed:
     * the retail models plus the unit-barcode models ({@code product.packaging} / {@code product.uom}) the server's
     * {@code ir.model} names.
     */
    static List<Projection> syncedProjections(OdooClient odoo) {
        return dev.odoobridge.readmodel.Projections.retailOn(dev.odoobridge.cli.config.RetailModels.unitBarcodeModelsOn(odoo));
    }

    private void run(FakeOdoo fake, OdooClient odoo, RetailDataSummary data, StateDatabase db, ReadModel readModel,
                     long started) {
        List<Projection> projections = syncedProjections(odoo);
        narrator.step("Full sync of " + projections.size() + " models from Odoo into MongoDB");
        long expected = projections.stream().mapToLong(p -> data.count(p.model())).sum();
        SyncReport report;
        ServerSchemas schemas;
        try (SyncProgress progress = new SyncProgress(narrator.stream(), expected, settings.progressBars())) {
            SyncEngine engine = SyncEngine.builder().source(SOURCE, odoo).projector(readModel.projector())
                    .stateStore(db.stateStore()).projections(projections).listener(progress)
                    .lease("odoo-bridge-demo-" + ProcessHandle.current().pid(), Duration.ofMinutes(5)).build();
            report = engine.run(SyncRequest.full());
            schemas = engine.schemas();
        }
        long synced = report.models().stream().mapToLong(m -> m.counts().read()).sum();
        narrator.line("%d records synced in %.1f s (%.0f records/s), outcome: %s", synced,
                seconds(report.duration()), synced / Math.max(seconds(report.duration()), 1e-3),
                report.outcome().label());

        LiveWebhooks.Result webhooks;
        try (LiveWebhooks live = new LiveWebhooks(fake, odoo, db, readModel, projections, schemas, narrator)) {
            webhooks = live.run(data);
        }

        VendorDemo.Result vendor = new VendorDemo(odoo, db, readModel, settings, narrator).run(data);

        new DemoSummary(narrator, settings).print(report, webhooks, vendor, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Stops the embedded servers when the JVM exits before the demo ends (Ctrl-C), so no
     * PostgreSQL is left running; removed again when the demo ends normally.
     */
    private static final class StopOnExit implements AutoCloseable {
        private final Thread hook;

        StopOnExit(EmbeddedStores stores) {
            this.hook = new Thread(stores::close, "odoo-bridge-demo-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the JVM is shutting down and the hook is running or has run: nothing left to undo
                return;
            }
        }
    }

    static String since(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
