package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.api.barcode.ExternalProduct;
import dev.odoobridge.api.barcode.Gs1;
import dev.odoobridge.api.barcode.Gtin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** barcode/{code} over the read model: product barcodes, nomenclature, GS1-128, lots, check digits, the external fallback. */
class BarcodeLookupIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ApiWorld W = ApiWorld.get();
    static final String WEIGHT_BASE = Gtin.withCheckDigit("210000200000");
    static final AtomicInteger EXTERNAL_CALLS = new AtomicInteger();
    /** A packaging's GTIN-14 (Odoo 17.0 / 18.0 product.packaging) and a unit barcode (Odoo 19.0 product.uom). */
    static final String BOX = Gtin.withCheckDigit("1400638133393");
    static final String SIX_PACK = Gtin.withCheckDigit("3003600029145");
    static Server fallbackServer;
    static ReadApi fallbackApi;
    static String fallbackBase;

    @BeforeAll
    static void products() throws Exception {
        var products = W.db.getCollection("product_product");
        products.deleteMany(new Document("x_marker", "barcode-it"));
        products.insertOne(product(900_001, "Apples by weight", WEIGHT_BASE));
        products.insertOne(product(900_002, "Cheese by price", "2301000000006"));
        products.insertOne(product(900_003, "Cola (stored as EAN-13)", "0036000291452"));
        products.insertOne(product(900_004, "Yoghurt", "4006381333931"));
        W.db.getCollection("lot_stock").deleteMany(new Document("x_marker", "barcode-it"));
        W.db.getCollection("product_packaging").deleteMany(new Document("x_marker", "barcode-it"));
        W.db.getCollection("product_packaging").insertOne(new Document("_id", "shop:71").append("_source", "shop")
                .append("_odoo_id", 71L).append("name", "Box of 12").append("barcode", BOX).append("qty", 12.0)
                .append("product_id", new Document("id", 900_004L).append("name", "Yoghurt"))
                .append("product_uom_id", new Document("id", 1L).append("name", "Units")).append("x_marker", "barcode-it"));
        W.db.getCollection("product_uom").deleteMany(new Document("x_marker", "barcode-it"));
        W.db.getCollection("product_uom").insertOne(new Document("_id", "shop:72").append("_source", "shop")
                .append("_odoo_id", 72L).append("barcode", SIX_PACK)
                .append("product_id", new Document("id", 900_003L).append("name", "Cola"))
                .append("uom_id", new Document("id", 31L).append("name", "Pack of 6")).append("x_marker", "barcode-it"));
        W.db.getCollection("lot_stock").insertOne(new Document("_id", "shop:lot:990001").append("_source", "shop")
                .append("lot_id", 990_001L).append("name", "L-77").append("product_id", 900_004L)
                .append("product_name", "Yoghurt").append("expiration_date", Date.from(Instant.parse("2027-12-31T00:00:00Z")))
                .append("quantity", 12.0).append("x_marker", "barcode-it"));
        fallbackApi = ReadApi.builder(W.model, W.uri).apiKeys(W.keys).externalProducts(code -> {
            EXTERNAL_CALLS.incrementAndGet();
            return code.equals("5449000000996")
                    ? Optional.of(new ExternalProduct("5449000000996", "Cola 33cl", "Coca-Cola", "330 ml", null, "openfoodfacts"))
                    : Optional.empty();
        }).build();
        fallbackServer = new Server();
        ServerConnector c = new ServerConnector(fallbackServer);
        c.setPort(0);
        fallbackServer.addConnector(c);
        fallbackServer.setHandler(fallbackApi.handler());
        fallbackServer.start();
        fallbackBase = "http://127.0.0.1:" + c.getLocalPort() + "/api/v1/";
    }

    @AfterAll
    static void stop() throws Exception {
        W.db.getCollection("product_product").deleteMany(new Document("x_marker", "barcode-it"));
        W.db.getCollection("lot_stock").deleteMany(new Document("x_marker", "barcode-it"));
        W.db.getCollection("product_packaging").deleteMany(new Document("x_marker", "barcode-it"));
        W.db.getCollection("product_uom").deleteMany(new Document("x_marker", "barcode-it"));
        if (fallbackServer != null) {
            fallbackServer.stop();
        }
        if (fallbackApi != null) {
            fallbackApi.close();
        }
    }

    static Document product(long id, String name, String barcode) {
        return new Document("_id", "shop:" + id).append("_source", "shop").append("_odoo_id", id).append("name", name)
                .append("barcode", barcode).append("active", true).append("x_marker", "barcode-it");
    }

    static HttpResponse<String> scan(String code) {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
        return code.indexOf('\u001D') >= 0 ? W.get("shop/barcode?code=" + encoded, W.shopKey)
                : W.get("shop/barcode/" + encoded, W.shopKey);
    }

    static JsonNode found(String code) throws Exception {
        HttpResponse<String> r = scan(code);
        assertThat(r.statusCode()).as(code + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void weightEmbeddedInEan13() throws Exception {
        JsonNode r = found(Gtin.withCheckDigit("210000201234"));
        assertThat(r.get("source").asText()).isEqualTo("nomenclature");
        assertThat(r.get("product").get("id").asLong()).isEqualTo(900_001);
        assertThat(r.get("quantity").asDouble()).isEqualTo(1.234);
        assertThat(r.get("rule").asText()).isEqualTo("Weight Barcodes 3 Decimals");
    }

    @Test
    void priceEmbeddedInEan13() throws Exception {
        JsonNode r = found("2301000123453");
        assertThat(r.get("source").asText()).isEqualTo("nomenclature");
        assertThat(r.get("product").get("id").asLong()).isEqualTo(900_002);
        assertThat(r.get("price").asDouble()).isEqualTo(123.45);
    }

    @Test
    void productBarcodeInAnotherGtinLength() throws Exception {
        JsonNode r = found("036000291452");
        assertThat(r.get("source").asText()).isEqualTo("inventory");
        assertThat(r.get("product").get("id").asLong()).isEqualTo(900_003);
        assertThat(found("00036000291452").get("product").get("id").asLong()).isEqualTo(900_003);
    }

    @Test
    void gs1WithLotAndExpiryAndFnc1() throws Exception {
        JsonNode r = found("]C1" + "0104006381333931" + "10L-77" + '\u001D' + "17271231");
        assertThat(r.get("source").asText()).isEqualTo("lot");
        assertThat(r.get("product").get("id").asLong()).isEqualTo(900_004);
        assertThat(r.get("lot").get("name").asText()).isEqualTo("L-77");
        assertThat(r.get("expiry").asText()).isEqualTo("2027-12-31");
        JsonNode unknownLot = found("(01)04006381333931(10)NEW-1(17)280100");
        assertThat(unknownLot.get("source").asText()).isEqualTo("inventory");
        assertThat(unknownLot.get("lot").get("name").asText()).isEqualTo("NEW-1");
        assertThat(unknownLot.get("expiry").asText()).isEqualTo("2028-01-31");
    }

    @Test
    void queryFormAnswersLikeThePathForm() throws Exception {
        HttpResponse<String> r = W.get("shop/barcode?code=036000291452", W.shopKey);
        assertThat(JSON.readTree(r.body()).get("product").get("id").asLong()).isEqualTo(900_003);
        assertThat(W.get("shop/barcode", W.shopKey).statusCode()).isEqualTo(400);
    }

    static HttpResponse<String> byQuery(String code) {
        return W.get("shop/barcode?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20"), W.shopKey);
    }

    @Test
    void gs1128WithGroupSeparatorThroughTheQueryForm() throws Exception {
        // lot 10 is variable length: the GS (FNC1) ends it before expiry 17; without it, "L-7717271231" would be the lot
        String code = "0104006381333931" + "10L-77" + Gs1.GS + "17271231";
        HttpResponse<String> r = byQuery(code);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("source").asText()).isEqualTo("lot");
        assertThat(body.get("lot").get("name").asText()).isEqualTo("L-77");
        assertThat(body.get("expiry").asText()).isEqualTo("2027-12-31");
        assertThat(body.get("gtin").asText()).isEqualTo("04006381333931");
        assertThat(body.get("code").asText()).isEqualTo(code);
    }

    @Test
    void gs1128WithSymbologyIdentifierThroughTheQueryForm() throws Exception {
        HttpResponse<String> r = byQuery("]C1" + "0104006381333931" + "10NEW-2" + Gs1.GS + "17280100");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("source").asText()).isEqualTo("inventory");
        assertThat(body.get("product").get("id").asLong()).isEqualTo(900_004);
        assertThat(body.get("lot").get("name").asText()).isEqualTo("NEW-2");
        assertThat(body.get("expiry").asText()).isEqualTo("2028-01-31");
        assertThat(byQuery("]C1" + "0104006381333931").statusCode()).isEqualTo(200);
    }

    @Test
    void gs1128WithABadGtinCheckDigitThroughTheQueryFormIs422() throws Exception {
        HttpResponse<String> r = byQuery("]C1" + "0104006381333932" + "10L-77" + Gs1.GS + "17271231");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("|17271231").doesNotContain(String.valueOf(Gs1.GS));
        assertThat(byQuery("4006381333932").statusCode()).isEqualTo(422);
    }

    @Test
    void packagingBarcodeAnswersTheProductAndTheContainedQuantity() throws Exception {
        JsonNode r = found(BOX);
        assertThat(r.get("source").asText()).isEqualTo("inventory");
        assertThat(r.get("product").get("id").asLong()).isEqualTo(900_004);
        assertThat(r.get("quantity").asDouble()).isEqualTo(12.0);
        assertThat(r.get("uom").get("name").asText()).isEqualTo("Units");
        assertThat(r.get("packaging").get("model").asText()).isEqualTo("product.packaging");
        assertThat(r.get("packaging").get("name").asText()).isEqualTo("Box of 12");
        JsonNode gs1 = found("]C1" + "01" + BOX + "10L-77");
        assertThat(gs1.get("source").asText()).as("a lot of the packaged product").isEqualTo("lot");
        JsonNode unknownLot = found("]C1" + "01" + BOX + "10NEW-3");
        assertThat(unknownLot.get("product").get("id").asLong()).isEqualTo(900_004);
        assertThat(unknownLot.get("packaging").get("quantity").asDouble()).isEqualTo(12.0);
        assertThat(unknownLot.get("lot").get("name").asText()).isEqualTo("NEW-3");
    }

    @Test
    void unitBarcodeAnswersTheProductAndTheUnit() throws Exception {
        JsonNode r = found(SIX_PACK);
        assertThat(r.get("source").asText()).isEqualTo("inventory");
        assertThat(r.get("product").get("id").asLong()).isEqualTo(900_003);
        assertThat(r.get("uom").get("name").asText()).isEqualTo("Pack of 6");
        assertThat(r.get("packaging").get("model").asText()).isEqualTo("product.uom");
        assertThat(r.has("quantity")).isFalse();
    }

    @Test
    void unitBarcodeSyncedFromOdoo19IsFound() throws Exception {
        JsonNode r = found(ApiWorld.SYNCED_UNIT_BARCODE);
        assertThat(r.get("product").get("id").asLong()).isEqualTo(W.syncedUnitProduct);
        assertThat(r.get("packaging").get("model").asText()).isEqualTo("product.uom");
        assertThat(r.get("uom").get("id").asLong()).isEqualTo(1);
    }

    @Test
    void vendorKeyDoesNotFindOtherVendorsPackagings() {
        assertThat(W.get("shop/barcode/" + BOX, W.vendorKey).statusCode()).isEqualTo(404);
        assertThat(W.get("shop/barcode/" + SIX_PACK, W.vendorKey).statusCode()).isEqualTo(404);
    }

    @Test
    void lotNamesAreFound() throws Exception {
        JsonNode r = found("L-77");
        assertThat(r.get("source").asText()).isEqualTo("lot");
        assertThat(r.get("lot").get("id").asLong()).isEqualTo(990_001);
    }

    @Test
    void wrongCheckDigitsAndBrokenGs1Are422() {
        HttpResponse<String> r = scan("4006381333932");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("should end in 1");
        assertThat(scan("]C1" + "0104006381333932" + "10L-77").statusCode()).isEqualTo(422);
    }

    @Test
    void unknownCodesAre404WithoutFallback() {
        assertThat(scan("5449000000996").statusCode()).isEqualTo(404);
        assertThat(scan("NOT-A-CODE").statusCode()).isEqualTo(404);
    }

    @Test
    void vendorKeyDoesNotFindOtherVendorsProducts() {
        assertThat(W.get("shop/barcode/4006381333931", W.vendorKey).statusCode()).isEqualTo(404);
    }

    @Test
    void externalFallbackOnlyForUnknownValidGtins() throws Exception {
        int before = EXTERNAL_CALLS.get();
        HttpResponse<String> r = W.http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(fallbackBase + "shop/barcode/5449000000996"))
                .header("Authorization", "Bearer " + W.shopKey.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("source").asText()).isEqualTo("external");
        assertThat(body.get("product").get("name").asText()).isEqualTo("Cola 33cl");
        HttpResponse<String> known = W.http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(fallbackBase + "shop/barcode/4006381333931"))
                .header("Authorization", "Bearer " + W.shopKey.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(known.body()).get("source").asText()).isEqualTo("inventory");
        assertThat(EXTERNAL_CALLS.get()).as("asked once, for the unknown code only").isEqualTo(before + 1);
    }
}
