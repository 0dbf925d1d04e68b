package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Every resource over the synced shop, ETags, gzip, problems, scopes of vendor and allow-list keys. */
class ReadApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    final ApiWorld w = ApiWorld.get();

    JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = w.get(path, w.shopKey);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).as(path).doesNotContain(ApiWorld.LEAK);
        return JSON.readTree(r.body());
    }

    @Test
    void everyListHasData() throws Exception {
        for (String res : new String[] {"products", "categories", "partners", "sale-orders", "purchase-orders", "stock", "lots"}) {
            JsonNode page = ok("shop/" + res + "?limit=5");
            assertThat(page.get("data")).as(res).hasSize(5);
            assertThat(page.get("next").isTextual()).as(res + " has a next page").isTrue();
            assertThat(page.get("data").get(0).get("id").isNumber()).as(res).isTrue();
        }
    }

    @Test
    void productDetailHasStockVendorsAndLots() throws Exception {
        JsonNode stock = ok("shop/stock?limit=100");
        long id = 0;
        for (JsonNode s : stock.get("data")) {
            if (s.get("on_hand").asDouble() > 0 && s.get("vendors").size() > 0) {
                id = s.get("id").asLong();
                break;
            }
        }
        assertThat(id).isPositive();
        JsonNode p = ok("shop/products/" + id);
        assertThat(p.get("id").asLong()).isEqualTo(id);
        assertThat(p.get("name").asText()).isNotEmpty();
        assertThat(p.get("stock").get("warehouses")).isNotEmpty();
        assertThat(p.get("stock").get("vendors")).isNotEmpty();
        assertThat(p.has("lots")).isTrue();
        assertThat(w.get("shop/products/999999", w.shopKey).statusCode()).isEqualTo(404);
        assertThat(w.get("shop/products/abc", w.shopKey).statusCode()).isEqualTo(400);
    }

    @Test
    void ordersHaveTheirLines() throws Exception {
        long so = ok("shop/sale-orders?limit=1&state=sale").get("data").get(0).get("id").asLong();
        JsonNode order = ok("shop/sale-orders/" + so);
        assertThat(order.get("lines")).isNotEmpty();
        for (JsonNode l : order.get("lines")) {
            assertThat(l.get("order_id").get("id").asLong()).isEqualTo(so);
        }
        long po = ok("shop/purchase-orders?limit=1").get("data").get(0).get("id").asLong();
        assertThat(ok("shop/purchase-orders/" + po).get("lines")).isNotEmpty();
        long partner = ok("shop/partners?customer=true&limit=1").get("data").get(0).get("id").asLong();
        assertThat(ok("shop/partners/" + partner).get("customer_rank").asInt()).isPositive();
        long categ = ok("shop/categories?limit=1").get("data").get(0).get("id").asLong();
        assertThat(ok("shop/categories/" + categ).get("id").asLong()).isEqualTo(categ);
    }

    @Test
    void filtersSelectOnlyMatchingRecords() throws Exception {
        JsonNode customers = ok("shop/partners?customer=true&limit=500");
        for (JsonNode c : customers.get("data")) {
            assertThat(c.get("customer_rank").asInt()).isPositive();
        }
        JsonNode sale = ok("shop/sale-orders?state=sale&limit=500");
        for (JsonNode o : sale.get("data")) {
            assertThat(o.get("state").asText()).isEqualTo("sale");
        }
        String barcode = null;
        for (JsonNode p : ok("shop/products?limit=500").get("data")) {
            if (p.hasNonNull("barcode")) {
                barcode = p.get("barcode").asText();
                break;
            }
        }
        assertThat(barcode).isNotNull();
        JsonNode byBarcode = ok("shop/products?barcode=" + barcode);
        assertThat(byBarcode.get("data")).hasSize(1);
        assertThat(byBarcode.get("data").get(0).get("barcode").asText()).isEqualTo(barcode);
    }

    @Test
    void fieldsSelectionAndSort() throws Exception {
        JsonNode page = ok("shop/products?fields=name,barcode&limit=3&sort=-name");
        for (JsonNode p : page.get("data")) {
            assertThat(p.fieldNames()).toIterable().containsOnly("id", "name", "barcode");
        }
        String a = page.get("data").get(0).get("name").asText();
        String b = page.get("data").get(1).get("name").asText();
        assertThat(a.compareTo(b)).isGreaterThanOrEqualTo(0);
        assertThat(w.get("shop/products?sort=list_price", w.shopKey).statusCode()).as("not an indexed sort").isEqualTo(400);
        assertThat(w.get("shop/products?fields=na$me", w.shopKey).statusCode()).isEqualTo(400);
    }

    @Test
    void lotsNearExpiryAndExpired() throws Exception {
        JsonNode expired = ok("shop/lots/expired?limit=500");
        assertThat(expired.get("data")).isNotEmpty();
        java.time.Instant now = java.time.Instant.now();
        for (JsonNode l : expired.get("data")) {
            assertThat(java.time.Instant.parse(l.get("expiration_date").asText())).isBefore(now);
        }
        JsonNode near = ok("shop/lots/near-expiry?days=30&limit=500");
        assertThat(near.get("data")).isNotEmpty();
        for (JsonNode l : near.get("data")) {
            java.time.Instant e = java.time.Instant.parse(l.get("expiration_date").asText());
            assertThat(e).isAfterOrEqualTo(now.minusSeconds(60)).isBefore(now.plus(java.time.Duration.ofDays(31)));
        }
    }

    @Test
    void reportsAlertsAndDashboard() throws Exception {
        assertThat(ok("shop/reports/stock-status").get("data")).isNotEmpty();
        assertThat(ok("shop/reports/velocity?window=30").get("data")).isNotEmpty();
        assertThat(ok("shop/reports/forecast").get("data")).isNotEmpty();
        assertThat(ok("shop/reports/sales?granularity=week").get("data")).isNotEmpty();
        assertThat(ok("shop/reports/top-products?limit=3").get("data")).hasSizeBetween(1, 3);
        assertThat(ok("shop/reports/customer-activity").get("data")).isNotEmpty();
        assertThat(ok("shop/alerts").get("data")).isNotEmpty();
        JsonNode d = ok("shop/dashboard");
        assertThat(d.has("orders_today")).isTrue();
        assertThat(d.has("revenue_today")).isTrue();
        assertThat(d.get("alerts").isObject()).isTrue();
        assertThat(d.get("top_products_this_week").isArray()).isTrue();
        assertThat(w.get("shop/reports/sales?granularity=year", w.shopKey).statusCode()).isEqualTo(400);
    }

    @Test
    void etagAnd304() throws Exception {
        HttpResponse<String> first = w.get("shop/products?limit=10", w.shopKey);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        HttpResponse<String> again = w.get("shop/products?limit=10", w.shopKey, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> other = w.get("shop/products?limit=11", w.shopKey, "If-None-Match", etag);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(w.get("shop/dashboard", w.shopKey).headers().firstValue("ETag")).isPresent();
    }

    @Test
    void gzipWhenAsked() throws Exception {
        HttpResponse<byte[]> r = w.http.send(HttpRequest.newBuilder(URI.create(w.base + "shop/products?limit=50"))
                .header("Authorization", "Bearer " + w.shopKey.token()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        assertThat(JSON.readTree(plain).get("data")).hasSize(50);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = w.get("shop/products?limit=50", w.shopKey, "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void problemsForBadRequests() throws Exception {
        HttpResponse<String> unknown = w.get("shop/nothing", w.shopKey);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
        assertThat(w.get("shop/products?bogus=1", w.shopKey).statusCode()).isEqualTo(400);
        assertThat(w.get("shop/products?limit=0", w.shopKey).statusCode()).isEqualTo(400);
        assertThat(w.get("shop/products?cursor=xyz", w.shopKey).statusCode()).isEqualTo(400);
        assertThat(w.get("shop/products", null).statusCode()).isEqualTo(401);
        assertThat(w.get("other/products", w.shopKey).statusCode()).isEqualTo(403);
        HttpResponse<String> post = w.http.send(HttpRequest.newBuilder(URI.create(w.base + "shop/products"))
                .header("Authorization", "Bearer " + w.shopKey.token()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void vendorKeySeesOnlyItsProductsAndNoShopData() throws Exception {
        java.util.Set<Long> vendorProducts = new java.util.HashSet<>();
        for (org.bson.Document d : w.db.getCollection("product_stock").find(new org.bson.Document("_source", "shop")
                .append("vendor_ids", w.vendor))) {
            vendorProducts.add(((Number) d.get("product_id")).longValue());
        }
        assertThat(vendorProducts).isNotEmpty();
        HttpResponse<String> r = w.get("shop/products?limit=500", w.vendorKey);
        assertThat(r.statusCode()).isEqualTo(200);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        JSON.readTree(r.body()).get("data").forEach(p -> seen.add(p.get("id").asLong()));
        assertThat(seen).isEqualTo(vendorProducts);
        for (String forbidden : new String[] {"sale-orders", "partners", "reports/customer-activity", "dashboard"}) {
            assertThat(w.get("shop/" + forbidden, w.vendorKey).statusCode()).as(forbidden).isEqualTo(403);
        }
        JsonNode pos = JSON.readTree(w.get("shop/purchase-orders?limit=500", w.vendorKey).body());
        pos.get("data").forEach(po -> assertThat(po.get("partner_id").get("id").asLong()).isEqualTo(w.vendor));
        JsonNode status = JSON.readTree(w.get("shop/reports/stock-status", w.vendorKey).body());
        status.get("data").forEach(s -> assertThat(vendorProducts).contains(s.get("productId").asLong()));
    }

    @Test
    void allowListLimitsResources() {
        assertThat(w.get("shop/products", w.productsOnlyKey).statusCode()).isEqualTo(200);
        assertThat(w.get("shop/stock", w.productsOnlyKey).statusCode()).isEqualTo(403);
    }

    @Test
    void docsNeedNoKey() throws Exception {
        HttpResponse<String> doc = w.get("openapi.json", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(doc.body()).get("openapi").asText()).isEqualTo("3.1.0");
        HttpResponse<String> page = w.get("docs", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/{source}/products").doesNotContain("<script");
    }
}
