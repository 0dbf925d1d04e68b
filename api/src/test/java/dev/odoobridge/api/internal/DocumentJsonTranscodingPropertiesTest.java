package dev.odoobridge.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonSerializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.bson.BsonBinary;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBinaryWriterSettings;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.BsonWriterSettings;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * {@link DocumentJson} (BSON bytes transcoded to JSON bytes) writes byte for byte the JSON of
 * {@link DecodingDocumentJson} (the driver's reader and Jackson's generator), or fails where it fails: on generated
 * documents with every BSON type, nested documents and arrays, repeated names, strings and names with any UTF-16
 * (control characters, surrogate pairs, lone surrogates) and ill-formed UTF-8, edge numbers and dates, bookkeeping and
 * {@code id} fields, {@code fields=} selections, top-level and dotted id fields and extra members; in a page as the API
 * renders one and alone.
 */
class DocumentJsonTranscodingPropertiesTest {
    /** A private-use character that the generated BSON carries where ill-formed UTF-8 replaces it. */
    private static final char POISON = '\uE123';
    private static final byte[] POISON_UTF8 = String.valueOf(POISON).getBytes(StandardCharsets.UTF_8);
    /** Three-byte sequences that are not (all) well-formed UTF-8. */
    private static final byte[][] ILL_FORMED = {
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF, 'A'}, {(byte) 0xFF, 'A', 'B'},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x90, (byte) 0x80}, {(byte) 0x80, 'a', 'b'},
        {(byte) 0xC3, 'x', 'y'}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF, 'z'},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, '!'}, {'q', (byte) 0xC2, (byte) 0xC2},
    };
    private static final List<String> TOP_NAMES = List.of("id", "_id", "_source", "_odoo_id", "_seq", "name", "price",
            "categ_id", "product_id", "tags", "a", "\u00e9", "\ud83d\ude00", "stock", "lines", "");
    private static final List<String> ID_FIELDS = List.of("_odoo_id", "_odoo_id", "_odoo_id", "id", "product_id", "name",
            "categ_id.id", "missing.path", "name.deeper", "tags", "a.b", "\u00e9", "categ_id.", ".", "a..b", "tags.0");
    private static final List<String> EXTRA_NAMES = List.of("stock", "lots", "lines", "name", "id", "price", "_x", "\u00e9",
            "\ud83d\ude00");

    /** A generated BSON value: a leaf, or a document or array of generated values (names may repeat). */
    private sealed interface Val {
        void write(BsonWriter w);
    }

    private record Leaf(BsonValue value) implements Val {
        @Override
        public void write(BsonWriter w) {
            new BsonValueCodec().encode(w, value, EncoderContext.builder().build());
        }
    }

    private record Member(String name, Val value) {
    }

    private record Doc(List<Member> members) implements Val {
        @Override
        public void write(BsonWriter w) {
            w.writeStartDocument();
            for (Member m : members) {
                w.writeName(m.name());
                m.value().write(w);
            }
            w.writeEndDocument();
        }
    }

    private record Arr(List<Val> values) implements Val {
        @Override
        public void write(BsonWriter w) {
            w.writeStartArray();
            values.forEach(v -> v.write(w));
            w.writeEndArray();
        }
    }

    /** One generated case: the document, how the API is asked for it, and whether ill-formed UTF-8 replaces the marker. */
    record Case(Doc doc, String idField, Set<String> fields, Map<String, Object> extra, boolean illFormed) {
        RawBsonDocument raw() {
            return raw(doc, illFormed);
        }

        static RawBsonDocument raw(Doc doc, boolean illFormed) {
            BasicOutputBuffer buffer = new BasicOutputBuffer();
            try (BsonBinaryWriter w = new BsonBinaryWriter(new BsonWriterSettings(4000), new BsonBinaryWriterSettings(), buffer)) {
                doc.write(w);
            }
            byte[] bytes = buffer.toByteArray();
            if (illFormed) {
                int n = 0;
                for (int i = 0; i + 3 <= bytes.length; i++) {
                    if (bytes[i] == POISON_UTF8[0] && bytes[i + 1] == POISON_UTF8[1] && bytes[i + 2] == POISON_UTF8[2]) {
                        System.arraycopy(ILL_FORMED[n++ % ILL_FORMED.length], 0, bytes, i, 3);
                    }
                }
            }
            return new RawBsonDocument(bytes);
        }
    }

    /** An extra member whose value is a list of documents (an order's lines), built for each implementation. */
    record Lines(List<Doc> docs) {
    }

    @Property(tries = 1000, seed = "20261207")
    void transcodedJsonIsTheDecodedJson(@ForAll("cases") Case c) {
        RawBsonDocument raw = c.raw();
        JsonSerializable oracle = oracle(raw, c, c.illFormed());
        JsonSerializable transcoded = transcoded(raw, c, c.illFormed());
        // alone, in a page with another document, and as a generator writing characters renders it
        same(() -> Json.bytes(oracle), () -> Json.bytes(transcoded));
        same(() -> Json.bytes(page(oracle, oracle)), () -> Json.bytes(page(transcoded, transcoded)));
        same(() -> Json.MAPPER.writeValueAsString(List.of(oracle)).getBytes(StandardCharsets.UTF_8),
                () -> Json.MAPPER.writeValueAsString(List.of(transcoded)).getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void nestingBeyondTheGeneratorsLimitFailsAsBefore() {
        for (int depth : new int[] {990, 996, 997, 998, 1100}) {
            Val v = new Leaf(new BsonInt32(1));
            for (int i = 0; i < depth; i++) {
                v = i % 2 == 0 ? new Doc(List.of(new Member("n", v))) : new Arr(List.of(v));
            }
            Case c = new Case(new Doc(List.of(new Member("deep", v))), "_odoo_id", Set.of(), Map.of(), false);
            RawBsonDocument raw = c.raw();
            same(() -> Json.bytes(page(oracle(raw, c, false))), () -> Json.bytes(page(transcoded(raw, c, false))));
        }
    }

    @Example
    void aBenchmarkShapedProductIsWrittenAsBefore() {
        Doc product = new Doc(List.of(new Member("_id", new Leaf(new BsonString("shop:7"))),
                new Member("id", new Leaf(new BsonInt64(7))),
                new Member("product_tmpl_id", new Doc(List.of(new Member("id", new Leaf(new BsonInt64(7))),
                        new Member("name", new Leaf(new BsonString("Product 7")))))),
                new Member("name", new Leaf(new BsonString("Product 7"))),
                new Member("list_price", new Leaf(new BsonDouble(7.5))),
                new Member("active", new Leaf(BsonBoolean.TRUE)),
                new Member("_write_date", new Leaf(new BsonDateTime(1_767_225_600_123L)))));
        Case c = new Case(product, "_odoo_id", Set.of(), Map.of(), false);
        assertThat(new String(Json.bytes(transcoded(c.raw(), c, false)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":7,\"product_tmpl_id\":{\"id\":7,\"name\":\"Product 7\"},\"name\":\"Product 7\",\"list_price\":7.5,"
                        + "\"active\":true}");
    }

    private static Map<String, Object> page(Object... docs) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", List.of(docs));
        page.put("next", "cursor");
        return page;
    }

    private static DecodingDocumentJson oracle(RawBsonDocument raw, Case c, boolean illFormed) {
        DecodingDocumentJson json = new DecodingDocumentJson(raw, c.idField(), c.fields());
        c.extra().forEach((k, v) -> json.with(k, v instanceof Lines l ? build(l, d -> oracle(Case.raw(d, illFormed),
                new Case(d, "_odoo_id", Set.of(), Map.of(), illFormed), illFormed)) : v));
        return json;
    }

    private static DocumentJson transcoded(RawBsonDocument raw, Case c, boolean illFormed) {
        DocumentJson json = new DocumentJson(raw, c.idField(), c.fields());
        c.extra().forEach((k, v) -> json.with(k, v instanceof Lines l ? build(l, d -> transcoded(Case.raw(d, illFormed),
                new Case(d, "_odoo_id", Set.of(), Map.of(), illFormed), illFormed)) : v));
        return json;
    }

    private static List<Object> build(Lines lines, Function<Doc, Object> json) {
        return lines.docs().stream().map(json).toList();
    }

    private interface Rendering {
        byte[] render() throws Exception;
    }

    /** Equal bytes, or both fail. */
    private static void same(Rendering oracle, Rendering transcoded) {
        byte[] expected;
        try {
            expected = oracle.render();
        } catch (Exception e) {
            try {
                byte[] got = transcoded.render();
                throw new AssertionError("the oracle failed with " + e + " but the transcoding wrote "
                        + new String(got, StandardCharsets.UTF_8));
            } catch (Exception expectedToo) {
                return;
            }
        }
        byte[] actual;
        try {
            actual = transcoded.render();
        } catch (Exception e) {
            throw new AssertionError("the transcoding failed where the oracle wrote "
                    + new String(expected, StandardCharsets.UTF_8), e);
        }
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Doc> doc = members(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(TOP_NAMES)), Tuple.of(1, name())),
                value(3), 12).map(Doc::new);
        Arbitrary<Set<String>> fields = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Set.<String>of())),
                Tuple.of(2, Arbitraries.of(concat(TOP_NAMES, List.of("absent", "categ_id.name"))).list().uniqueElements()
                        .ofMinSize(1).ofMaxSize(5).map(LinkedHashSet::new)));
        Arbitrary<Map<String, Object>> extra = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Map.<String, Object>of())),
                Tuple.of(2, Arbitraries.maps(Arbitraries.of(EXTRA_NAMES), extraValue()).ofMaxSize(3)
                        .map(LinkedHashMap::new)));
        return Combinators.combine(doc, Arbitraries.of(ID_FIELDS), fields, extra, Arbitraries.of(false, false, true))
                .as(Case::new);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private Arbitrary<Object> extraValue() {
        Arbitrary<Doc> line = members(Arbitraries.of(TOP_NAMES), value(1), 5).map(Doc::new);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(2, Arbitraries.integers().map(Object.class::cast)),
                Tuple.of(2, text().map(Object.class::cast)),
                Tuple.of(1, doubles().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.maps(name(), Arbitraries.integers()).ofMaxSize(3).map(Object.class::cast)),
                Tuple.of(1, text().list().ofMaxSize(3).map(Object.class::cast)),
                Tuple.of(1, line.list().ofMaxSize(3).map(l -> (Object) new Lines(l))));
    }

    private static Arbitrary<List<Member>> members(Arbitrary<String> names, Arbitrary<Val> values, int max) {
        return Combinators.combine(names, values).as(Member::new).list().ofMaxSize(max);
    }

    private Arbitrary<Val> value(int depth) {
        Arbitrary<Val> leaf = leaf();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Val> child = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("id", "name", "_seq", "x", "")),
                Tuple.of(1, name()));
        return Arbitraries.frequencyOf(
                Tuple.of(10, leaf),
                Tuple.of(2, members(names, child, 5).map(Doc::new)),
                Tuple.of(2, child.list().ofMaxSize(5).map(Arr::new)));
    }

    private Arbitrary<Val> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, text().map(BsonString::new)),
                Tuple.of(3, Arbitraries.integers().map(BsonInt32::new)),
                Tuple.of(3, Arbitraries.longs().map(BsonInt64::new)),
                Tuple.of(4, doubles().map(BsonDouble::new)),
                Tuple.of(1, Arbitraries.of(BsonBoolean.TRUE, BsonBoolean.FALSE)),
                Tuple.of(1, Arbitraries.just(BsonNull.VALUE)),
                Tuple.of(2, dates().map(BsonDateTime::new)),
                Tuple.of(2, rare()))
                .map(v -> (Val) new Leaf(v));
    }

    private static Arbitrary<BsonValue> rare() {
        return Arbitraries.of(
                new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")),
                new BsonDecimal128(Decimal128.parse("12.3400")), new BsonDecimal128(Decimal128.parse("-0E-10")),
                new BsonDecimal128(Decimal128.NaN), new BsonDecimal128(Decimal128.POSITIVE_INFINITY),
                new BsonBinary(new byte[] {1, 2, 3}), new BsonBinary((byte) 4, new byte[0]),
                new BsonTimestamp(5, 6), new BsonMinKey(), new BsonMaxKey(), new BsonUndefined(),
                new BsonRegularExpression("^a\u00e9\"", "i"), new BsonJavaScript("x = \"\u2028\""),
                new BsonSymbol("sym\u00e9"), new BsonDbPointer("db.c", new ObjectId("65a1b2c3d4e5f60718293a4b")),
                new BsonJavaScriptWithScope("f()", new BsonDocument("a", new BsonInt32(1))));
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e21,
                        1e22, 1e-7, 1e7, 9_999_999.0, 10_000_000.0, 0.001, 0.002, 2e-3, 1e-3, 9.999e-4, Double.MIN_VALUE,
                        Double.MAX_VALUE, Double.MIN_NORMAL, 123_456_789.0, 2.5, 0.1, 1.0 / 3, -1.5, 1e300, 1e-300,
                        (double) Long.MAX_VALUE, 4.35, 100.0)),
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(3, Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 4.0)),
                Tuple.of(2, Arbitraries.doubles()));
    }

    private static Arbitrary<Long> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, -62_135_596_800_000L,
                        253_402_300_799_999L, 253_402_300_800_000L, 1_767_225_600_123L, 1_767_225_600_000L, -86_400_001L)),
                Tuple.of(2, Arbitraries.longs().between(-100_000_000_000_000L, 100_000_000_000_000L)),
                Tuple.of(1, Arbitraries.longs()));
    }

    /** Strings with any UTF-16: mostly ASCII, escapes, two- and three-byte characters, pairs and lone surrogates. */
    private static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(3, Arbitraries.chars().range('\u0001', '\u001f').map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("\"", "\\", "/", "\u007f", "\u2028", "\u2029", "\ufffd", "\ufeff", "\uffff",
                        "\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\u0000", String.valueOf(POISON))),
                Tuple.of(3, Arbitraries.chars().range('\u0080', '\u07ff').map(String::valueOf)),
                Tuple.of(3, Arbitraries.chars().range('\u0800', '\uffff').map(String::valueOf)),
                Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
                Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l)).injectDuplicates(0.05);
    }

    /** Names: text without NUL (a BSON name is a C string). */
    private static Arbitrary<String> name() {
        return text().map(s -> s.replace('\u0000', '0'));
    }

    @Example
    void illFormedSequencesAreReallyIllFormed() {
        for (byte[] b : ILL_FORMED) {
            String decoded = new String(b, StandardCharsets.UTF_8);
            assertThat(Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), b)).as(Arrays.toString(b)).isFalse();
        }
    }
}
