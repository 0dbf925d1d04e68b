package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.access.CreatedApiKey;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shop key's stock reports cover every product of its source, vendors or not; a vendor key's only its own. */
class ShopReportsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ApiWorld W = ApiWorld.get();
    static final long NO_VENDOR = 930_001;

    /** A copy of a stocked product's stock document, without vendors and out of stock. */
    @BeforeAll
    static void productWithoutVendor() {
        Document any = W.db.getCollection("product_stock").find(new Document("_source", "shop")
                .append("vendor_ids.0", new Document("$exists", true))).first();
        Document copy = Document.parse(any.toJson());
        copy.put("_id", "shop:" + NO_VENDOR);
        copy.put("product_id", NO_VENDOR);
        copy.put("name", "Shop's own product");
        copy.put("vendor_ids", List.of());
        copy.put("vendors", List.of());
        copy.put("on_hand", 0.0);
        copy.put("active", true);
        copy.put("x_marker", "shop-reports-it");
        W.db.getCollection("product_stock").insertOne(copy);
    }

    @AfterAll
    static void cleanUp() {
        W.db.getCollection("product_stock").deleteMany(new Document("x_marker", "shop-reports-it"));
    }

    static Set<Long> productIds(String path, CreatedApiKey key) throws Exception {
        HttpResponse<String> r = W.get(path, key);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        Set<Long> ids = new HashSet<>();
        for (JsonNode row : JSON.readTree(r.body()).get("data")) {
            ids.add(row.get("productId").asLong());
        }
        return ids;
    }

    @Test
    void shopKeySeesProductsWithoutVendors() throws Exception {
        CreatedApiKey shop = W.shopKey;
        assertThat(productIds("shop/reports/stock-status", shop)).contains(NO_VENDOR);
        assertThat(productIds("shop/reports/forecast", shop)).contains(NO_VENDOR);
        assertThat(productIds("shop/alerts", shop)).contains(NO_VENDOR);
        JsonNode dashboard = JSON.readTree(W.get("shop/dashboard", W.shopKey).body());
        assertThat(dashboard.get("alerts").get("low_stock").asLong()).isPositive();
    }

    @Test
    void vendorKeyDoesNot() throws Exception {
        CreatedApiKey vendor = W.vendorKey;
        assertThat(productIds("shop/reports/stock-status", vendor)).isNotEmpty().doesNotContain(NO_VENDOR);
        assertThat(productIds("shop/reports/forecast", vendor)).doesNotContain(NO_VENDOR);
        assertThat(productIds("shop/alerts", vendor)).doesNotContain(NO_VENDOR);
    }

    @Test
    void otherSourcesStayOut() throws Exception {
        HttpResponse<String> r = W.get("shop/reports/stock-status", W.shopKey);
        for (JsonNode row : JSON.readTree(r.body()).get("data")) {
            assertThat(row.get("source").asText()).isEqualTo("shop");
        }
    }
}
