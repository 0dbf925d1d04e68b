package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.bson.Document;

/**
 * No path or parameter reaches another source's data, nor a vendor key another vendor's products:
 * random routes, parameters (known ones, look-alikes such as {@code source} or {@code _source}, query
 * operators) and values (the other source's name, other vendors' ids, injection attempts), with the
 * shop key and the vendor key. The other source's copy of the shop has every name marked, so any of
 * its data in an answer shows.
 */
class ScopeFuzzIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PATHS = List.of("products", "products/1", "products/2", "categories", "categories/1",
            "partners", "partners/1", "sale-orders", "sale-orders/1", "purchase-orders", "purchase-orders/1", "stock",
            "lots", "lots/expired", "lots/near-expiry", "alerts", "reports/stock-status", "reports/velocity",
            "reports/forecast", "reports/sales", "reports/top-products", "reports/customer-activity", "dashboard",
            "barcode/other:1", "barcode/0000000000000", "..%2Fother%2Fproducts", "%2E%2E/other/products", "products/..%2F..%2Fother");
    static final List<String> NAMES = List.of("source", "_source", "vendor", "partner", "category", "template", "product",
            "barcode", "default_code", "state", "email", "customer", "fields", "sort", "limit", "cursor", "days", "window",
            "from", "to", "granularity", "$where", "filter", "updated_since", "expires_before", "vendor_ids");
    static final List<String> VALUES = List.of("other", "shop", "1", "2", "3", "4", "5", "6", "99", "-1", "0", "true",
            "false", "{\"$ne\":null}", "{\"$gt\":0}", "[1,2]", "_source", "name,_source", "-name", "2020-01-01", "LEAK",
            "' OR 1=1", "other:1", "shop%00other", "W3sic291cmNlIjoib3RoZXIifV0");

    final ApiWorld w = ApiWorld.get();

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> params() {
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(VALUES)).as(Tuple::of).list().ofMaxSize(4);
    }

    @Property(tries = 150)
    void shopKeyNeverSeesAnotherSource(@ForAll("paths") String path, @ForAll("params") List<Tuple.Tuple2<String, String>> params) {
        HttpResponse<String> r = w.get(url("shop/" + path, params), w.shopKey);
        assertThat(r.body()).as(r.uri().toString()).doesNotContain(ApiWorld.LEAK);
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isNotEqualTo(500);
    }

    @Property(tries = 150)
    void vendorKeySeesOnlyItsProducts(@ForAll("paths") String path, @ForAll("params") List<Tuple.Tuple2<String, String>> params)
            throws Exception {
        HttpResponse<String> r = w.get(url("shop/" + path, params), w.vendorKey);
        assertThat(r.body()).as(r.uri().toString()).doesNotContain(ApiWorld.LEAK);
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isNotEqualTo(500);
        if (r.statusCode() == 200 && (path.startsWith("products") || path.startsWith("stock") || path.startsWith("lots"))) {
            Set<Long> allowed = path.startsWith("lots") ? vendorLots() : vendorProducts();
            JsonNode body = JSON.readTree(r.body());
            JsonNode data = body.has("data") ? body.get("data") : JSON.createArrayNode().add(body);
            for (JsonNode d : data) {
                assertThat(allowed).as(r.uri().toString()).contains(d.get("id").asLong());
            }
        }
    }

    @Property(tries = 60)
    void otherSourcesPathsAreRefused(@ForAll("paths") String path, @ForAll("params") List<Tuple.Tuple2<String, String>> params) {
        HttpResponse<String> r = w.get(url("other/" + path, params), w.shopKey);
        assertThat(r.statusCode()).as(r.uri().toString()).isIn(400, 403, 404);
        assertThat(r.body()).doesNotContain(ApiWorld.LEAK);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    private Set<Long> vendorProducts() {
        Set<Long> ids = new HashSet<>();
        for (Document d : w.db.getCollection("product_stock").find(new Document("_source", "shop").append("vendor_ids", w.vendor))) {
            ids.add(((Number) d.get("product_id")).longValue());
        }
        return ids;
    }

    private Set<Long> vendorLots() {
        Set<Long> ids = new HashSet<>();
        Set<Long> products = vendorProducts();
        for (Document d : w.db.getCollection("lot_stock").find(new Document("_source", "shop"))) {
            if (products.contains(((Number) d.get("product_id")).longValue())) {
                ids.add(((Number) d.get("lot_id")).longValue());
            }
        }
        return ids;
    }

    private static String url(String path, List<Tuple.Tuple2<String, String>> params) {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Tuple.Tuple2<String, String> p : params) {
            b.append(sep).append(URLEncoder.encode(p.get1(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.get2(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }
}
