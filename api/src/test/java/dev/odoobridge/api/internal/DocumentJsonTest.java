package dev.odoobridge.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * {@link DocumentJson} writes from BSON exactly the JSON that the driver's {@code Document} rendered by
 * {@link Store#render} and the API's mapper gave (with {@code fields=}, in the order asked for): field order, the
 * {@code id} rules, bookkeeping fields, {@code fields=}, extra members, and values of every type.
 */
class DocumentJsonTest {
    private static final Date WHEN = new Date(1_767_225_600_123L);

    private static Document stored() {
        return new Document("_id", "shop:7").append("_source", "shop").append("_odoo_id", 7L).append("id", 7L)
                .append("name", "Tea \u00e9\u4e2d \"quoted\" \\ \n").append("count", 3).append("big", Long.MAX_VALUE)
                .append("price", 2.5).append("ratio", 1e-300).append("nan", Double.NaN).append("inf", Double.NEGATIVE_INFINITY)
                .append("active", false).append("nothing", null).append("when", WHEN)
                .append("amount", new Decimal128(new BigDecimal("12.3400"))).append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new Binary(new byte[] {1, 2, 3})).append("ts", new BsonTimestamp(5, 6))
                .append("categ_id", new Document("id", 4L).append("name", "All / Tea").append("_seq", 9L))
                .append("tags", List.of(1, "two", 3.5, List.of(WHEN, new Document("_x", null)), new Document()))
                .append("empty", List.of()).append("_write_date", WHEN).append("_seq", 12L);
    }

    /** The old rendering, with the fields asked for in the order asked for. */
    private static String before(Document d, String idField, Set<String> fields, Map<String, Object> extra) {
        Map<String, Object> out = Store.render(d, idField, fields);
        if (!fields.isEmpty()) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("id", out.remove("id"));
            for (String f : fields) {
                if (out.containsKey(f)) {
                    ordered.put(f, out.get(f));
                }
            }
            out = ordered;
        }
        out.putAll(extra);
        return new String(Json.bytes(out));
    }

    private static String after(Document d, String idField, Set<String> fields, Map<String, Object> extra) {
        DocumentJson json = new DocumentJson(raw(d), idField, fields);
        extra.forEach(json::with);
        return new String(Json.bytes(json));
    }

    private static RawBsonDocument raw(Document d) {
        return new RawBsonDocument(d, MongoClientSettings.getDefaultCodecRegistry().get(Document.class));
    }

    private static void same(Document d, String idField, Set<String> fields, Map<String, Object> extra) {
        // the old path saw the document as the driver decodes it from BSON
        Document decoded = raw(d).decode(MongoClientSettings.getDefaultCodecRegistry().get(Document.class));
        assertThat(after(d, idField, fields, extra)).isEqualTo(before(decoded, idField, fields, extra));
    }

    @Test
    void everyValueTypeIsWrittenAsBefore() {
        same(stored(), "_odoo_id", Set.of(), Map.of());
        assertThat(after(stored(), "_odoo_id", Set.of(), Map.of()))
                .startsWith("{\"id\":7,\"name\":")
                .contains("\"when\":\"2026-01-01T00:00:00.123Z\"", "\"amount\":12.3400", "\"categ_id\":{\"id\":4,\"name\":\"All / Tea\",\"_seq\":9}")
                .doesNotContain("_source", "_write_date", "\"_id\"");
    }

    @Test
    void theIdRulesAreKept() {
        Document noId = stored();
        noId.remove("id");
        same(noId, "_odoo_id", Set.of(), Map.of());
        Document otherId = stored().append("id", "a string id");
        same(otherId, "_odoo_id", Set.of(), Map.of());
        same(otherId, "_odoo_id", Set.of("name"), Map.of());
        same(otherId, "_odoo_id", Set.of("id", "name"), Map.of());
        same(stored(), "categ_id.id", Set.of(), Map.of());
        same(stored(), "missing.path", Set.of(), Map.of());
        same(stored(), "name.deeper", Set.of(), Map.of());
        same(stored(), "tags", Set.of(), Map.of());
        same(new Document("_id", "x").append("product_id", 5L).append("on_hand", 1.0), "product_id", Set.of(), Map.of());
    }

    @Test
    void fieldsSelectTopLevelFieldsOnly() {
        same(stored(), "_odoo_id", Set.of("name", "price"), Map.of());
        same(stored(), "_odoo_id", Set.of("categ_id.name"), Map.of());
        same(stored(), "_odoo_id", Set.of("categ_id", "_seq", "nothing"), Map.of());
        same(stored(), "_odoo_id", Set.of("absent"), Map.of());
    }

    @Test
    void fieldsComeInTheOrderAskedFor() {
        Set<String> asked = new java.util.LinkedHashSet<>(List.of("price", "nothing", "name", "absent"));
        assertThat(after(stored(), "_odoo_id", asked, Map.of()))
                .isEqualTo("{\"id\":7,\"price\":2.5,\"nothing\":null,\"name\":\"Tea \u00e9\u4e2d \\\"quoted\\\" \\\\ \\n\"}");
        same(stored(), "_odoo_id", asked, Map.of("stock", 1, "price", "replaced"));
    }

    @Test
    void extraMembersFollowOrTakeAFieldsPlace() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("stock", Map.of("on_hand", 3.0));
        extra.put("lots", List.of());
        extra.put("name", "replaced");
        extra.put("nothing", Arrays.asList(1, null));
        same(stored(), "_odoo_id", Set.of(), extra);
        same(stored(), "_odoo_id", Set.of("price"), extra);
        same(stored(), "_odoo_id", Set.of(), Map.of("id", "replaced id"));
    }
}
