package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.access.CreatedApiKey;
import dev.odoobridge.access.RateLimit;
import dev.odoobridge.access.RateLimiter;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API reading the embedded store in process (as {@link ApiWorld}'s API does) answers exactly what it answers
 * reading the same store with the driver over the wire, as from any MongoDB: same status, same body byte for byte,
 * same ETag, for every resource and parameter shape the API tests use, every page of each walk through {@code next},
 * for the shop's key and a vendor's.
 */
class InProcessReadsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ApiWorld W = ApiWorld.get();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Server driverServer;
    static ReadApi driverApi;
    static String driverBase;

    @BeforeAll
    static void start() throws Exception {
        // values of the rarer BSON types and bookkeeping fields in an embedded document, in one product
        W.db.getCollection("product_product").deleteMany(new Document("x_marker", "in-process-it"));
        W.db.getCollection("product_product").insertOne(new Document("_id", "shop:930001").append("_source", "shop")
                .append("_odoo_id", 930_001L).append("id", 930_001L).append("name", "Odd types").append("active", true)
                .append("price", new Decimal128(new java.math.BigDecimal("12.50"))).append("oid", new ObjectId())
                .append("count", 7).append("ratio", 0.1).append("nothing", null)
                .append("nested", new Document("_hidden", 1).append("list", List.of(1, "two", new Document("x", 3L))))
                .append("barcode", "9300010000000").append("x_marker", "in-process-it"));
        driverApi = ReadApi.builder(W.model, W.uri).apiKeys(W.keys).inProcessReads(false)
                .rateLimiter(new RateLimiter(new RateLimit(100_000, 100_000))).build();
        driverServer = new Server();
        ServerConnector c = new ServerConnector(driverServer);
        c.setPort(0);
        driverServer.addConnector(c);
        driverServer.setHandler(driverApi.handler());
        driverServer.start();
        driverBase = "http://127.0.0.1:" + c.getLocalPort() + "/api/v1/";
    }

    @AfterAll
    static void stop() throws Exception {
        W.db.getCollection("product_product").deleteMany(new Document("x_marker", "in-process-it"));
        if (driverServer != null) {
            driverServer.stop();
        }
        if (driverApi != null) {
            driverApi.close();
        }
    }

    @Test
    void theTestWorldsStoreIsReadInProcess() {
        assertThat(StoreReads.inProcess(W.uri)).isPresent();
        assertThat(StoreReads.inProcess("mongodb://127.0.0.1:1/odoo_bridge")).isEmpty();
    }

    @Test
    void everyPageShapeAnswersTheSameBothWays() throws Exception {
        List<String> lists = new ArrayList<>(List.of("products", "products?limit=500", "products?limit=3&sort=-name&fields=name,barcode",
                "products?limit=7&fields=name&sort=name", "products?limit=7&sort=-id", "products?limit=9&sort=updated",
                "products?limit=9&sort=-updated", "products?limit=5&fields=categ_id.name", "products?limit=5&fields=id,name",
                "products?limit=5&fields=categ_id", "products?sort=list_price", "products?limit=0", "products?cursor=xyz",
                "products?fields=na$me", "products?bogus=1", "products?active=true&limit=20", "products?active=false",
                "products?updated_since=2000-01-01&limit=20", "products?updated_since=2999-01-01",
                "products?barcode=9300010000000", "categories?limit=1", "categories?limit=4&sort=name",
                "categories?limit=4&sort=-name", "partners?customer=true&limit=5", "partners?customer=false&limit=5",
                "partners?vendor=true&limit=5", "partners?limit=6&sort=name", "partners?limit=6&sort=-updated",
                "sale-orders?limit=1&state=sale", "sale-orders?state=sale&limit=500", "sale-orders?limit=8&sort=date",
                "sale-orders?limit=8&sort=-date", "sale-orders?limit=8&sort=updated",
                "sale-orders?date_from=2000-01-01&date_to=2999-01-01&limit=10", "purchase-orders?limit=1",
                "purchase-orders?limit=500", "purchase-orders?limit=4&sort=-date", "purchase-orders?limit=4&state=purchase",
                "stock", "stock?limit=100", "stock?limit=6&fields=on_hand,name", "stock?vendor=" + W.vendor,
                "lots?limit=5", "lots?limit=5&sort=expiry", "lots?limit=5&sort=-expiry", "lots/expired?limit=500",
                "lots/expired?limit=3", "lots/near-expiry?days=30&limit=500", "lots/near-expiry?days=3650&limit=4"));
        // filters on values the store holds
        JsonNode products = page("shop/products?limit=500", W.shopKey);
        JsonNode first = products.get("data").get(0);
        lists.add("products?barcode=" + enc(first.path("barcode").asText()));
        lists.add("products?default_code=" + enc(first.path("default_code").asText()));
        lists.add("products?category=" + first.path("categ_id").path("id").asLong());
        lists.add("products?template=" + first.path("product_tmpl_id").path("id").asLong() + "&fields=name");
        JsonNode partner = page("shop/partners?limit=1&customer=true", W.shopKey).get("data").get(0);
        lists.add("partners?email=" + enc(partner.path("email").asText()));
        JsonNode order = page("shop/sale-orders?limit=1", W.shopKey).get("data").get(0);
        lists.add("sale-orders?partner=" + order.path("partner_id").path("id").asLong());
        JsonNode lot = page("shop/lots?limit=1", W.shopKey).get("data").get(0);
        lists.add("lots?product=" + lot.path("product_id").asLong());
        lists.add("lots?expires_before=2999-01-01&limit=4");
        lists.add("lots?expires_after=2000-01-01&limit=4&sort=-expiry");

        int compared = 0;
        for (String list : lists) {
            compared += walk("shop/" + list, W.shopKey);
        }
        for (String list : List.of("products?limit=7", "products?limit=4&sort=name", "stock?limit=5", "lots?limit=5",
                "purchase-orders?limit=2", "categories?limit=5", "sale-orders", "partners")) {
            compared += walk("shop/" + list, W.vendorKey);
        }
        compared += walk("other/products?limit=50", W.otherKey);
        assertThat(compared).as("pages compared").isGreaterThan(150);
    }

    @Test
    void everyDetailAnswersTheSameBothWays() throws Exception {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode p : page("shop/products?limit=25", W.shopKey).get("data")) {
            paths.add("products/" + p.get("id").asLong());
            paths.add("products/" + p.get("id").asLong() + "?fields=name,barcode");
        }
        paths.add("products/930001");
        paths.add("products/930001?fields=id,price");
        paths.add("products/999999");
        paths.add("products/abc");
        for (String list : List.of("categories", "partners", "sale-orders", "purchase-orders")) {
            for (JsonNode d : page("shop/" + list + "?limit=10", W.shopKey).get("data")) {
                paths.add(list + "/" + d.get("id").asLong());
            }
            paths.add(list + "/999999");
        }
        for (String path : paths) {
            same("shop/" + path, W.shopKey);
            same("shop/" + path, W.vendorKey);
        }
    }

    /** Compares the page and every page after it through {@code next}; the number of pages compared. */
    private static int walk(String path, CreatedApiKey key) throws Exception {
        int pages = 0;
        String next = path;
        while (next != null && pages < 100) {
            HttpResponse<String> r = same(next, key);
            pages++;
            if (r.statusCode() != 200) {
                return pages;
            }
            JsonNode n = JSON.readTree(r.body()).path("next");
            next = n.isTextual() ? withCursor(path, n.asText()) : null;
        }
        return pages;
    }

    private static String withCursor(String path, String cursor) {
        return path + (path.contains("?") ? "&" : "?") + "cursor=" + enc(cursor);
    }

    private static HttpResponse<String> same(String path, CreatedApiKey key) throws Exception {
        HttpResponse<String> inProcess = get(W.base, path, key);
        HttpResponse<String> driver = get(driverBase, path, key);
        assertThat(inProcess.statusCode()).as(path).isEqualTo(driver.statusCode());
        assertThat(inProcess.body()).as(path).isEqualTo(driver.body());
        assertThat(inProcess.headers().firstValue("ETag")).as(path).isEqualTo(driver.headers().firstValue("ETag"));
        return inProcess;
    }

    private static JsonNode page(String path, CreatedApiKey key) throws Exception {
        HttpResponse<String> r = get(W.base, path, key);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String base, String path, CreatedApiKey key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key.token())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
