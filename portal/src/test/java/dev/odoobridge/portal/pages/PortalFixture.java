package dev.odoobridge.portal.pages;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RecordSink;
import dev.odoobridge.vendors.export.VendorReports;
import dev.odoobridge.vendors.restock.RestockPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every portal page over one shop ({@value #SHOP}, a FakeOdoo synced into an in-memory read model by the real sync
 * engine) and dashboard data from {@link FakeVendorData}. Vendors: {@value #ACME} (linked to Acme in {@value #SHOP}
 * and to partner 2 in {@value #SOUTH}), {@value #RIVAL} (another vendor; its products are named SECRET…) and
 * {@value #NEW} (no link).
 */
final class PortalFixture implements AutoCloseable {
    static final String SHOP = "north";
    static final String SOUTH = "south";
    static final String HIDDEN = "hidden";
    static final String ACME = "acme@vendor.example";
    static final String RIVAL = "rival@vendor.example";
    static final String NEW = "new@vendor.example";
    static final int BULK = 600;
    static final String[] MODELS = {"res.partner", "product.template", "product.product", "product.supplierinfo",
        "stock.warehouse", "stock.location", "stock.lot", "stock.quant", "stock.move", "stock.warehouse.orderpoint",
        "purchase.order", "purchase.order.line"};

    final FakeOdoo fake;
    final OdooClient odoo;
    final ReadModel model;
    final SyncEngine engine;
    final FakeVendorData data = new FakeVendorData();
    final RecordingVendorStore audit = new RecordingVendorStore();
    final InMemoryProposalStore proposals = new InMemoryProposalStore();
    final TestGate gate = new TestGate(ACME);
    final PortalServer server;
    final Map<String, Long> ids = new HashMap<>();
    long acme;
    long rival;

    PortalFixture() throws Exception {
        fake = FakeOdoo.builder().data(this::shop).build().start();
        odoo = fake.adminClient();
        model = ReadModels.open(ReadModelConfig.builder().inMemory()
                .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(10)).build(), Clock.systemUTC());
        engine = SyncEngine.builder().source(SHOP, odoo).projector(model.projector())
                .stateStore(new InMemoryStateStore(Clock.systemUTC())).projections(Projections.retail())
                .parallelism(1).lease("test", Duration.ofMinutes(5)).build();
        SyncReport report = engine.run(SyncRequest.full().withModels(MODELS));
        if (report.outcome() != Outcome.OK) {
            throw new IllegalStateException("initial sync failed: " + report);
        }
        dashboardData();
        VendorScopes scopes = this::scope;
        RestockPlanner planner = new RestockPlanner(model.reports(), Map.of(SHOP, odoo), model.stock());
        server = new PortalServer(gate, List.of(new StaticAssets(), new DashboardPages(data, scopes),
                new ProductPages(data, scopes),
                new ExportPages(new VendorReports(model.reports(), Clock.systemUTC()), scopes, audit, 120, 30,
                        Clock.systemUTC()),
                RestockPages.builder().planner(planner).sources(Map.of(SHOP, odoo)).resyncWith(engine)
                        .readModel(model.projector()).proposals(proposals).scopes(scopes).audit(audit).build()));
    }

    Optional<VendorScope> scope(String vendor) {
        return switch (vendor) {
            case ACME -> Optional.of(VendorScope.of(SHOP, List.of(acme)).and(SOUTH, List.of(2L)));
            case RIVAL -> Optional.of(VendorScope.of(SHOP, List.of(rival)).and(HIDDEN, List.of(4L)));
            default -> Optional.empty();
        };
    }

    private void shop(RecordSink sink) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long warehouse = sink.insert("stock.warehouse", Map.of("name", "Main", "code", "WH"));
        long stock = sink.insert("stock.location", Map.of("name", "Stock", "complete_name", "WH/Stock",
                "usage", "internal", "warehouse_id", warehouse));
        long customers = sink.insert("stock.location", Map.of("name", "Customers",
                "complete_name", "Partners/Customers", "usage", "customer"));
        acme = partner(sink, "Acme Supplies");
        rival = partner(sink, "Rival Goods");
        ids.put("juice", product(sink, "Acme juice", 2, acme, 6, 3.0, stock));
        ids.put("bars", product(sink, "Acme bars", 0, acme, 0, 1.5, stock));
        ids.put("plenty", product(sink, "Acme plenty", 500, acme, 0, 1.0, stock));
        ids.put("secret", product(sink, "SECRET rival soap", 0, rival, 0, 2.0, stock));
        int move = 0;
        for (int d = 1; d <= 60; d++) {
            for (String p : List.of("juice", "bars", "secret")) {
                sink.insert("stock.move", Map.of("reference", "WH/OUT/" + (++move), "product_id", ids.get(p),
                        "product_uom_qty", 1.0, "quantity", 1.0, "location_id", stock, "location_dest_id", customers,
                        "state", "done", "date", today.minusDays(d) + " 10:00:00"));
            }
        }
    }

    private static long partner(RecordSink sink, String name) {
        return sink.insert("res.partner", Map.of("name", name, "email", name.toLowerCase().replace(' ', '.')
                + "@vendor.example", "is_company", true, "supplier_rank", 1));
    }

    private static long product(RecordSink sink, String name, double onHand, long vendor, double minQty, double price,
                                long stock) {
        long template = sink.insert("product.template", Map.of("name", name, "type", "consu", "is_storable", true,
                "purchase_ok", true, "sale_ok", true));
        long product = sink.insert("product.product", Map.of("product_tmpl_id", template, "name", name,
                "default_code", "C" + template, "type", "consu", "is_storable", true));
        sink.insert("product.supplierinfo", Map.of("partner_id", vendor, "product_tmpl_id", template,
                "min_qty", minQty, "price", price, "delay", 3));
        if (onHand > 0) {
            sink.insert("stock.quant", Map.of("product_id", product, "location_id", stock, "quantity", onHand,
                    "reserved_quantity", 0.0));
        }
        return product;
    }

    private void dashboardData() {
        data.add(acme, SHOP, 11, "Apple juice", "AJ-1", "4000000000011", 2, 10, StockStatus.URGENT, 2)
                .add(acme, SHOP, 12, "Banana chips", "BC-2", "4000000000012", 14, 10, StockStatus.MODERATE, 1)
                .add(acme, SHOP, 13, "Cherry jam <b>bold</b>", "CJ-3", null, 90, 10, StockStatus.HEALTHY, 0.5)
                .add(2, SOUTH, 21, "Apple cider", "AC-1", "4000000000021", 0, 5, StockStatus.URGENT, 0)
                .add(rival, SHOP, 31, "SECRET rival soap", "RS-1", "4000000000031", 0, 5, StockStatus.URGENT, 3)
                .add(4, HIDDEN, 41, "SECRET hidden shop item", "HS-1", null, 0, 5, StockStatus.URGENT, 3);
        for (int i = 0; i < BULK; i++) {
            data.add(2, SOUTH, 1000 + i, String.format("Bulk item %04d", i), "BK-" + i, null, 100 + i, 10,
                    StockStatus.HEALTHY, 1);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        model.close();
        odoo.close();
        fake.close();
    }
}
