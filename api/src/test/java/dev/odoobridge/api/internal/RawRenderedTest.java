package dev.odoobridge.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The raw renderer writes the very bytes Jackson writes for the rendered map of the decoded document. */
class RawRenderedTest {
    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private static Document product() {
        return new Document("_id", "shop:7").append("name", "Caffè \"Ø\" \u2603").append("_source", "shop")
                .append("_odoo_id", 7L).append("default_code", null).append("list_price", 12.5).append("qty", 3)
                .append("big", 1L << 40).append("active", true).append("storable", false)
                .append("categ_id", new Document("id", 4L).append("name", "All / Café").append("_x", 1))
                .append("tags", List.of(1, 2L, "x", new Document("a", List.of()), List.of(0.1, Arrays.asList(null, 3.0))))
                .append("_write_date", new Date(1_700_000_000_123L)).append("created", new Date(-86_400_001L))
                .append("price", new Decimal128(new BigDecimal("12.3400"))).append("oid", new ObjectId("0123456789abcdef01234567"))
                .append("empty", new Document()).append("_seq", 9L);
    }

    private static String raw(Document d, String idField, Set<String> fields) {
        RawBsonDocument raw = new RawBsonDocument(d, DOCUMENTS);
        return new String(Json.bytes(Map.of("data", List.of(new RawRendered(raw, idField, fields, DOCUMENTS)))),
                StandardCharsets.UTF_8);
    }

    private static String mapped(Document d, String idField, Set<String> fields) {
        Document decoded = new RawBsonDocument(d, DOCUMENTS).decode(DOCUMENTS);
        return new String(Json.bytes(Map.of("data", List.of(Store.render(decoded, idField, fields)))), StandardCharsets.UTF_8);
    }

    @Test
    void everyStoredTypeAsTheMapRendering() {
        Document d = product();
        assertThat(raw(d, "_odoo_id", Set.of())).isEqualTo(mapped(d, "_odoo_id", Set.of())).contains("\"id\":7,\"name\"")
                .doesNotContain("_seq").contains("\"created\":\"1969-12-30T23:59:59.999Z\"").contains("12.3400");
    }

    @Test
    void aTopLevelIdFieldTakesTheFirstPlace() {
        Document d = product().append("id", 99L);
        assertThat(raw(d, "_odoo_id", Set.of())).isEqualTo(mapped(d, "_odoo_id", Set.of())).startsWith("{\"data\":[{\"id\":99,");
        assertThat(raw(d, "_odoo_id", Set.of("name"))).isEqualTo(mapped(d, "_odoo_id", Set.of("name")))
                .startsWith("{\"data\":[{\"id\":7,\"name\"");
    }

    @Test
    void fieldsSelectTopLevelKeysOnly() {
        Document d = product();
        for (Set<String> f : List.of(Set.of("name", "tags"), Set.of("categ_id.id"), Set.of("nope"), Set.of("id"))) {
            assertThat(raw(d, "_odoo_id", f)).as(f.toString()).isEqualTo(mapped(d, "_odoo_id", f));
        }
    }

    @Test
    void otherIdFieldsAndMissingIds() {
        Document d = product().append("product_id", 3L);
        assertThat(raw(d, "product_id", Set.of())).isEqualTo(mapped(d, "product_id", Set.of()));
        assertThat(raw(d, "lot_id", Set.of())).isEqualTo(mapped(d, "lot_id", Set.of())).startsWith("{\"data\":[{\"id\":null,");
    }

    @Test
    void rareTypesGoThroughTheDocumentCodec() {
        Document d = new Document("_odoo_id", 1L).append("ts", new BsonTimestamp(5, 6))
                .append("bin", new Binary(new byte[] {1, 2}));
        assertThat(raw(d, "_odoo_id", Set.of())).isEqualTo(mapped(d, "_odoo_id", Set.of()));
    }
}
