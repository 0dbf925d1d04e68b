package dev.odoobridge.api.internal;

import static com.fasterxml.jackson.core.JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_FORWARD_SLASHES;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.QUOTE_FIELD_NAMES;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_HEX_UPPER_CASE;
import static com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBinaryReader;
import org.bson.RawBsonDocument;

/**
 * A read-model document as the API shows it, written from its BSON bytes straight to JSON bytes (no {@code Document},
 * no map, no Java string for a name or a string value): {@code id} first, then Odoo's fields in stored order without
 * the top-level bookkeeping fields ({@code _}-prefixed) or, when {@code fields=} names some, only those, in the order
 * asked for (whatever order the store's projection gave them: MongoDB keeps the stored order, the embedded store the
 * projection's); then any extra members (a product's stock, an order's lines).
 *
 * <p>Apart from that order, the JSON is exactly what {@link Store#render} of the driver's {@code Document} gave with
 * {@link Json#MAPPER}: a
 * top-level {@code id} field of the document (when shown) is the value of {@code id}, in first place; an extra member
 * named as a field takes that field's place; values are written as the driver's decoding into Java values and
 * Jackson would write them (dates as ISO-8601 instants, {@code Decimal128} as numbers, embedded documents whole);
 * values of rarer BSON types are decoded by the driver's codecs and written by the mapper, as before.
 *
 * <p>To the API mapper's compact UTF-8 generator the document goes as one raw value ({@link BsonJson} and
 * {@link JsonOutput} write the JSON that generator wrote); its extra members, values of the rarer types and a dotted id
 * field's value are written by a generator of {@link Json#MAPPER} with the {@code SerializerProvider} at hand, as
 * {@link ReaderJson} writes them. Other generators (writing characters, pretty-printing, escaping more) get the
 * document as {@link ReaderJson} writes it through them.
 */
final class DocumentJson implements JsonSerializable {
    private static final String ID = "id";
    /**
     * The generator features that change how JSON is written, and their state in the API's mapper (the JSON ones are
     * deprecated for {@code JsonWriteFeature}, but a 2.x generator shows their state only in this mask).
     */
    @SuppressWarnings("deprecation")
    private static final int OUTPUT_FEATURES = mask(QUOTE_FIELD_NAMES, QUOTE_NON_NUMERIC_NUMBERS, ESCAPE_NON_ASCII,
            WRITE_NUMBERS_AS_STRINGS, WRITE_BIGDECIMAL_AS_PLAIN, USE_FAST_DOUBLE_WRITER, WRITE_HEX_UPPER_CASE,
            ESCAPE_FORWARD_SLASHES, COMBINE_UNICODE_SURROGATES_IN_UTF8);
    @SuppressWarnings("deprecation")
    private static final int OUTPUT_DEFAULTS = mask(QUOTE_FIELD_NAMES, QUOTE_NON_NUMERIC_NUMBERS, WRITE_HEX_UPPER_CASE);

    /**
     * The mapper's factory for the generators written inside the mapper's own (extra members, rarer values), with
     * buffers from a pool of their own: the thread's buffers are the outer generator's while it writes, so a nested
     * generator from the mapper's factory allocated its 12 KB of buffers anew each time.
     */
    private static final JsonFactory NESTED = nestedFactory();

    private final RawBsonDocument document;
    private final String idField;
    private final Set<String> fields;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    /**
     * @param document the stored document
     * @param idField its id field (a top-level or dotted path)
     * @param fields the fields asked for (empty for all)
     */
    DocumentJson(RawBsonDocument document, String idField, Set<String> fields) {
        this.document = document;
        this.idField = idField;
        this.fields = fields;
    }

    /** Adds a member after the document's fields (or in the place of a field of that name). */
    DocumentJson with(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (!writesAsTranscoded(gen)) {
            ReaderJson.document(document, idField, fields, extra, gen, provider);
            return;
        }
        ByteBuffer stored = document.getByteBuffer().asNIO();
        int length = stored.remaining();
        byte[] bson;
        int start;
        if (stored.hasArray()) {
            bson = stored.array();
            start = stored.arrayOffset() + stored.position();
        } else {
            bson = new byte[length];
            stored.get(bson);
            start = 0;
        }
        // the page's documents share one output and index (a document written inside another gets its own)
        Scratch scratch = (Scratch) provider.getAttribute(Scratch.class);
        if (scratch == null || scratch.busy) {
            scratch = new Scratch(length);
            if (provider.getAttribute(Scratch.class) == null) {
                provider.setAttribute(Scratch.class, scratch);
            }
        }
        scratch.busy = true;
        try {
            JsonOutput out = scratch.out;
            out.clear();
            new Writing(bson, start, start + length, scratch, gen, provider).document();
            // the generator copies the bytes before this returns
            gen.writeRawValue(new RawJson(out.bytes(), out.size()));
        } finally {
            scratch.busy = false;
        }
    }

    /**
     * Whether the generator writes JSON as the transcoding does: Jackson's UTF-8 generator as the API's mapper makes
     * it (compact, default escaping and numbers).
     */
    private static boolean writesAsTranscoded(JsonGenerator gen) {
        return gen instanceof UTF8JsonGenerator && (gen.getFeatureMask() & OUTPUT_FEATURES) == OUTPUT_DEFAULTS
                && gen.getPrettyPrinter() == null && gen.getCharacterEscapes() == null && gen.getHighestEscapedChar() == 0;
    }

    private static JsonFactory nestedFactory() {
        JsonFactory factory = Json.MAPPER.getFactory().rebuild().recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build();
        factory.setCodec(Json.MAPPER);
        return factory;
    }

    private static int mask(JsonGenerator.Feature... features) {
        int mask = 0;
        for (JsonGenerator.Feature f : features) {
            mask |= f.getMask();
        }
        return mask;
    }

    /** One writing of the document: its bytes, the output, and what the rules need. */
    private final class Writing {
        private final byte[] bson;
        private final int start;
        private final int last;
        private final Scratch scratch;
        private final JsonOutput out;
        private final SerializerProvider provider;
        private final BsonJson values;
        private final int depth;

        Writing(byte[] bson, int start, int limit, Scratch scratch, JsonGenerator gen, SerializerProvider provider) {
            this.bson = bson;
            this.start = start;
            this.last = BsonJson.documentEnd(bson, start, limit) - 1;
            this.scratch = scratch;
            this.out = scratch.out;
            this.provider = provider;
            this.values = new BsonJson(bson, out, gen.streamWriteConstraints(), this::writeRare);
            // the depth the generator would give the document's object
            this.depth = gen.getOutputContext().getNestingDepth() + 1;
        }

        void document() throws IOException {
            values.checkDepth(depth);
            // one pass over the elements: where each starts, its name ends, its value ends, whether it is shown
            int[] index = scratch.index;
            int count = 0;
            int storedId = -1;
            int id = -1;
            boolean topLevelId = idField.indexOf('.') < 0;
            boolean idShown = !ID.equals(idField) && (fields.isEmpty() || fields.contains(ID));
            for (int p = start + 4; bson[p] != 0; ) {
                int nameEnd = BsonJson.cstringEnd(bson, p + 1, last);
                int valueEnd = BsonJson.valueEnd(bson, bson[p], nameEnd + 1, last);
                boolean shown = false;
                if (named(p, nameEnd, ID)) {
                    if (idShown) {
                        storedId = p;
                    }
                } else if (shown(p, nameEnd)) {
                    shown = true;
                } else if (topLevelId && named(p, nameEnd, idField)) {
                    id = p;
                }
                if (4 * count == index.length) {
                    index = Arrays.copyOf(index, index.length * 2);
                    scratch.index = index;
                }
                index[4 * count] = p;
                index[4 * count + 1] = nameEnd;
                index[4 * count + 2] = valueEnd;
                index[4 * count + 3] = shown ? 1 : 0;
                count++;
                p = valueEnd;
            }
            out.ascii("{\"id\":");
            if (extra.containsKey(ID)) {
                writeExtra(extra.get(ID));
            } else if (storedId >= 0) {
                value(storedId);
            } else if (!topLevelId) {
                viaGenerator(gen -> ReaderJson.field(document, idField, gen, provider));
            } else if (id >= 0) {
                value(id);
            } else {
                out.ascii("null");
            }
            Set<String> pending = extra.isEmpty() ? null : new LinkedHashSet<>(extra.keySet());
            if (pending != null) {
                pending.remove(ID);
            }
            if (fields.isEmpty()) {
                for (int k = 0; k < count; k++) {
                    if (index[4 * k + 3] != 0) {
                        member(index[4 * k], index[4 * k + 1], pending);
                    }
                }
            } else {
                // the fields in the order asked for (stores order a projection differently), each at its first occurrence
                for (String f : fields) {
                    for (int k = 0; k < count; k++) {
                        if (index[4 * k + 3] != 0 && named(index[4 * k], index[4 * k + 1], f)) {
                            member(index[4 * k], index[4 * k + 1], pending);
                            break;
                        }
                    }
                }
            }
            if (pending != null) {
                for (String name : pending) {
                    out.raw((byte) ',');
                    out.string(name);
                    out.raw((byte) ':');
                    writeExtra(extra.get(name));
                }
            }
            out.raw((byte) '}');
        }

        /** Whether the element at {@code p} is shown: not bookkeeping, not the id field, asked for. */
        private boolean shown(int p, int nameEnd) {
            if (bson[p + 1] == '_' || named(p, nameEnd, idField)) {
                return false;
            }
            if (fields.isEmpty()) {
                return true;
            }
            for (String f : fields) {
                if (named(p, nameEnd, f)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the name of the element at {@code p} is {@code name} as the driver decodes names: ASCII bytes decode
         * to themselves (and nothing else decodes to ASCII), so only a name with other bytes is decoded.
         */
        private boolean named(int p, int nameEnd, String name) {
            int from = p + 1;
            int length = name.length();
            for (int i = from; i < nameEnd; i++) {
                byte b = bson[i];
                if (b < 0) {
                    return new String(bson, from, nameEnd - from, StandardCharsets.UTF_8).equals(name);
                }
                if (i - from >= length || name.charAt(i - from) != b) {
                    return false;
                }
            }
            return nameEnd - from == length;
        }

        private void member(int p, int nameEnd, Set<String> pending) throws IOException {
            out.raw((byte) ',');
            out.utf8String(bson, p + 1, nameEnd - p - 1);
            out.raw((byte) ':');
            if (pending != null) {
                for (String name : pending) {
                    if (named(p, nameEnd, name)) {
                        pending.remove(name);
                        writeExtra(extra.get(name));
                        return;
                    }
                }
            }
            values.write(bson[p], nameEnd + 1, last, depth + 1);
        }

        private void value(int p) throws IOException {
            values.write(bson[p], BsonJson.cstringEnd(bson, p + 1, last) + 1, last, depth + 1);
        }

        private void writeExtra(Object value) throws IOException {
            viaGenerator(gen -> provider.defaultSerializeValue(value, gen));
        }

        /** A value of a rarer type, decoded by the driver's codec and written by the mapper, as before. */
        private void writeRare(byte type, byte[] from, int offset, int end) throws IOException {
            int size = end - offset + 7;
            ByteBuffer holder = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            holder.putInt(size).put(type).put((byte) 0).put(from, offset, end - offset).put((byte) 0).flip();
            try (BsonBinaryReader reader = new BsonBinaryReader(holder)) {
                reader.readStartDocument();
                reader.readBsonType();
                reader.readName();
                viaGenerator(gen -> ReaderJson.value(reader, gen, provider));
            }
        }

        /** Writes what a generator of the API's mapper writes (there as its root value). */
        private void viaGenerator(Generating generating) throws IOException {
            try (JsonGenerator gen = NESTED.createGenerator(out.stream(), JsonEncoding.UTF8)) {
                Json.MAPPER.getSerializationConfig().initialize(gen);
                generating.write(gen);
            }
        }
    }

    /** What the writing of a document needs and the next one can use again: the output, the elements' index. */
    private static final class Scratch {
        final JsonOutput out;
        int[] index = new int[4 * 32];
        boolean busy;

        Scratch(int capacity) {
            out = new JsonOutput(capacity + 64);
        }
    }

    /** Something written through a generator. */
    private interface Generating {
        void write(JsonGenerator gen) throws IOException;
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
        serialize(gen, provider);
    }
}
