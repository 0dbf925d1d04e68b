package dev.odoobridge.vendors;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RecordSink;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Test data for the vendor features: a hand-made shop, and a FakeOdoo synced into a read model. */
public final class ShopFixtures {
    private ShopFixtures() {
    }

    /** Writes a small shop into a FakeOdoo store: one warehouse, products with one vendor each. */
    public static final class Shop {
        private final RecordSink sink;
        private final LocalDate today;
        private final long stock;
        private final long customers;
        private final long suppliers;
        private final Map<Long, Long> templates = new HashMap<>();
        private int moves;

        /** Creates the warehouse and its locations. */
        public Shop(RecordSink sink, LocalDate today) {
            this.sink = sink;
            this.today = today;
            long warehouse = sink.insert("stock.warehouse", Map.of("name", "Main", "code", "WH"));
            this.stock = sink.insert("stock.location", Map.of("name", "Stock", "complete_name", "WH/Stock",
                    "usage", "internal", "warehouse_id", warehouse));
            this.customers = sink.insert("stock.location", Map.of("name", "Customers",
                    "complete_name", "Partners/Customers", "usage", "customer"));
            this.suppliers = sink.insert("stock.location", Map.of("name", "Vendors",
                    "complete_name", "Partners/Vendors", "usage", "supplier"));
        }

        /** A vendor company with an email. */
        public long partner(String name) {
            return sink.insert("res.partner", Map.of("name", name, "email",
                    name.toLowerCase().replace(' ', '.') + "@vendor.example", "is_company", true, "supplier_rank", 1));
        }

        /** A storable product with {@code onHand} in stock, supplied by {@code vendor}. */
        public long product(String name, double onHand, long vendor, double minQty, double price) {
            long template = sink.insert("product.template", Map.of("name", name, "type", "consu", "is_storable", true,
                    "purchase_ok", true, "sale_ok", true));
            long product = sink.insert("product.product", Map.of("product_tmpl_id", template, "name", name,
                    "default_code", "C" + template, "type", "consu", "is_storable", true));
            templates.put(product, template);
            supplier(product, vendor, minQty, price);
            if (onHand > 0) {
                sink.insert("stock.quant", Map.of("product_id", product, "location_id", stock, "quantity", onHand,
                        "reserved_quantity", 0.0));
            }
            return product;
        }

        /** Another vendor line for the product. */
        public void supplier(long product, long vendor, double minQty, double price) {
            sink.insert("product.supplierinfo", Map.of("partner_id", vendor, "product_tmpl_id", templates.get(product),
                    "min_qty", minQty, "price", price, "delay", 3));
        }

        /** {@code qty} shipped to customers on each of the last {@code days} days. */
        public void dailySales(long product, int days, double qty) {
            for (int d = 1; d <= days; d++) {
                move(product, stock, customers, qty, "done", today.minusDays(d));
            }
        }

        /** A confirmed receipt of {@code qty} on its way in. */
        public void incoming(long product, double qty) {
            move(product, suppliers, stock, qty, "assigned", today.plusDays(2));
        }

        private void move(long product, long from, long to, double qty, String state, LocalDate day) {
            moves++;
            sink.insert("stock.move", Map.of("reference", "WH/MOVE/" + moves, "product_id", product,
                    "product_uom_qty", qty, "quantity", qty, "location_id", from, "location_dest_id", to,
                    "state", state, "date", day + " 10:00:00"));
        }
    }

    /** A FakeOdoo source fully synced into an in-memory read model by the real sync engine. */
    public static final class Synced implements AutoCloseable {
        /** The source name. */
        public final String source;
        /** The administrator's client. */
        public final OdooClient odoo;
        /** The read model. */
        public final ReadModel model;
        /** The engine that synced it (incremental runs bring changes in). */
        public final SyncEngine engine;

        /** The models stock reports, alerts and restock proposals read (no sales orders, mails or attachments). */
        public static final String[] STOCK_MODELS = {"res.partner", "product.template", "product.product",
            "product.supplierinfo", "stock.warehouse", "stock.location", "stock.lot", "stock.quant", "stock.move",
            "stock.warehouse.orderpoint", "purchase.order", "purchase.order.line"};

        /** Syncs the {@link #STOCK_MODELS} of {@code fake} as {@code source}. */
        public Synced(FakeOdoo fake, String source, StockOptions options) {
            this.source = source;
            this.odoo = fake.adminClient();
            this.model = ReadModels.open(ReadModelConfig.builder().inMemory().stockOptions(options).build(),
                    Clock.systemUTC());
            this.engine = SyncEngine.builder().source(source, odoo).projector(model.projector())
                    .stateStore(new InMemoryStateStore(Clock.systemUTC())).projections(Projections.retail())
                    .parallelism(1).lease("test", Duration.ofMinutes(5)).build();
            SyncReport report = engine.run(SyncRequest.full().withModels(STOCK_MODELS));
            if (report.outcome() != Outcome.OK) {
                throw new IllegalStateException("initial sync failed: " + report);
            }
        }

        /** The source's client by name. */
        public Map<String, OdooClient> sources() {
            return Map.of(source, odoo);
        }

        @Override
        public void close() {
            model.close();
            odoo.close();
        }
    }
}
