package dev.odoobridge.api;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.CreatedApiKey;
import dev.odoobridge.access.NewApiKey;
import dev.odoobridge.access.RateLimit;
import dev.odoobridge.access.RateLimiter;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One shop for the read API's tests, started once per test JVM: a FakeOdoo 19.0 with product_expiry
 * and generated retail data, fully synced as source {@link #SHOP} into an in-memory read model; a copy
 * of every document under source {@link #OTHER} with every name marked {@link #LEAK}, so a response
 * showing another source's data is seen; keys in the shared embedded PostgreSQL; the API on Jetty.
 */
final class ApiWorld {
    static final String SHOP = "shop";
    static final String OTHER = "other";
    static final String LEAK = "LEAK-";
    static final String[] MODELS = {"res.partner", "product.category", "product.template", "product.product",
        "product.supplierinfo", "stock.warehouse", "stock.location", "stock.lot", "stock.quant", "stock.move",
        "stock.warehouse.orderpoint", "sale.order", "sale.order.line", "purchase.order", "purchase.order.line",
        "product.uom"};
    /** A unit barcode created in Odoo 19 (product.uom) before the sync, and its product. */
    static final String SYNCED_UNIT_BARCODE = "3012345678901";
    static final String[] COLLECTIONS = {"res_partner", "product_category", "product_template", "product_product",
        "product_supplierinfo", "stock_lot", "sale_order", "sale_order_line", "purchase_order", "purchase_order_line",
        "product_stock", "lot_stock"};

    private static final class Holder {
        static final ApiWorld WORLD = new ApiWorld();
    }

    final FakeOdoo odoo;
    final ReadModel model;
    final String uri;
    final MongoClient mongo;
    final MongoDatabase db;
    final ApiKeys keys;
    final CreatedApiKey shopKey;
    final CreatedApiKey vendorKey;
    final CreatedApiKey otherKey;
    final CreatedApiKey productsOnlyKey;
    final long vendor;
    final long syncedUnitProduct;
    final ReadApi api;
    final Server server;
    final String base;
    final HttpClient http = HttpClient.newHttpClient();

    static ApiWorld get() {
        return Holder.WORLD;
    }

    private ApiWorld() {
        try {
            Instant now = Instant.now();
            odoo = FakeOdoo.builder().seed(11).modules("product_expiry").data(sink -> RetailDataGenerator.builder().seed(11)
                    .products(60).vendors(4).customers(30).days(30).maxSaleLines(300).now(now).productExpiry(true)
                    .build().generate(sink)).build().start();
            OdooClient admin = odoo.adminClient();
            // the models of a product's extra barcodes the server has, as it says (19.0: product.uom)
            Set<String> serverModels = new java.util.HashSet<>();
            admin.model("ir.model").searchRead(dev.odoobridge.client.domain.Domains.in("model",
                    Projections.unitBarcodes().stream().map(dev.odoobridge.readmodel.Projection::model).toList()), List.of("model"))
                    .forEach(m -> serverModels.add(m.getString("model")));
            List<dev.odoobridge.readmodel.Projection> projections = Projections.retailOn(serverModels);
            syncedUnitProduct = admin.model("product.product").search(dev.odoobridge.client.domain.Domains.all()).get(0);
            admin.model("product.uom").create(java.util.Map.of("product_id", syncedUnitProduct, "uom_id", 1,
                    "barcode", SYNCED_UNIT_BARCODE));
            model = ReadModels.open(ReadModelConfig.builder().inMemory().projections(projections).build(), Clock.systemUTC());
            SyncEngine engine = SyncEngine.builder().source(SHOP, admin).projector(model.projector())
                    .stateStore(new InMemoryStateStore(Clock.systemUTC())).projections(projections)
                    .parallelism(1).lease("test", Duration.ofMinutes(5)).build();
            SyncReport report = engine.run(SyncRequest.full().withModels(MODELS));
            if (report.outcome() != Outcome.OK) {
                throw new IllegalStateException("initial sync failed: " + report);
            }
            // describe() is "<connection string>/<database> (embedded, in memory)"
            uri = model.describe().split(" ")[0];
            ConnectionString cs = new ConnectionString(uri);
            mongo = MongoClients.create(cs);
            db = mongo.getDatabase(cs.getDatabase());
            copyAsOtherSource();
            Document anyStock = db.getCollection("product_stock").find(new Document("_source", SHOP)
                    .append("vendor_ids.0", new Document("$exists", true))).first();
            vendor = ((Number) anyStock.getList("vendor_ids", Object.class).get(0)).longValue();
            keys = ApiKeys.of(SharedPostgres.database());
            shopKey = keys.create(NewApiKey.builder(SHOP).label("shop app").build());
            vendorKey = keys.create(NewApiKey.builder(SHOP).vendor(vendor).label("vendor portal").build());
            otherKey = keys.create(NewApiKey.builder(OTHER).label("other shop").build());
            productsOnlyKey = keys.create(NewApiKey.builder(SHOP).resources(List.of("products")).build());
            api = ReadApi.builder(model, uri).apiKeys(keys)
                    .rateLimiter(new RateLimiter(new RateLimit(100_000, 100_000))).build();
            server = new Server();
            ServerConnector c = new ServerConnector(server);
            c.setPort(0);
            server.addConnector(c);
            server.setHandler(api.handler());
            server.start();
            base = "http://127.0.0.1:" + c.getLocalPort() + "/api/v1/";
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "api-world-stop"));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the API test world", e);
        }
    }

    /** Every document of the shop again under source "other", names marked. */
    private void copyAsOtherSource() {
        for (String coll : COLLECTIONS) {
            List<Document> copies = new ArrayList<>();
            for (Document d : db.getCollection(coll).find(new Document("_source", SHOP))) {
                Document c = Document.parse(d.toJson());
                c.put("_id", OTHER + "|" + d.get("_id"));
                c.put("_source", OTHER);
                for (String f : Set.of("name", "display_name", "product_name", "complete_name", "email", "barcode")) {
                    if (c.get(f) instanceof String s) {
                        c.put(f, LEAK + s);
                    }
                }
                copies.add(c);
            }
            if (!copies.isEmpty()) {
                db.getCollection(coll).insertMany(copies);
            }
        }
    }

    HttpResponse<String> get(String pathAndQuery, CreatedApiKey key, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key.token());
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        }
    }

    private void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping at JVM exit
        }
        api.close();
        mongo.close();
        model.close();
        odoo.close();
    }
}
