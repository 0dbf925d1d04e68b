package dev.odoobridge.api.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.mongodb.MongoClientSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonReaderMark;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonTypeClassMap;
import org.bson.codecs.BsonTypeCodecMap;
import org.bson.codecs.DecoderContext;
import org.bson.io.ByteBufferBsonInput;

/**
 * The reference for {@link DocumentJson}: a read-model document written as JSON the way {@code DocumentJson} first did
 * it, through the driver's {@link BsonBinaryReader} (every name and string decoded to a Java string) and Jackson's
 * generator (every one encoded again), with the same rules: {@code id} first, Odoo's fields in stored order without the
 * top-level {@code _}-prefixed fields or, with {@code fields=}, only those in the order asked for, then the extra
 * members (an extra member named as a field takes its place); rarer BSON types decoded by the driver's codecs and
 * written by the mapper. Kept unchanged as the oracle the byte-level transcoding is compared with.
 */
final class DecodingDocumentJson implements JsonSerializable {
    private static final BsonTypeCodecMap CODECS =
            new BsonTypeCodecMap(new BsonTypeClassMap(), MongoClientSettings.getDefaultCodecRegistry());
    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private static final String ID = "id";

    private final RawBsonDocument document;
    private final String idField;
    private final Set<String> fields;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    /**
     * @param document the stored document
     * @param idField its id field (a top-level or dotted path)
     * @param fields the fields asked for (empty for all)
     */
    DecodingDocumentJson(RawBsonDocument document, String idField, Set<String> fields) {
        this.document = document;
        this.idField = idField;
        this.fields = fields;
    }

    /** Adds a member after the document's fields (or in the place of a field of that name). */
    DecodingDocumentJson with(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    private boolean shown(String name) {
        return !name.startsWith("_") && !name.equals(idField) && (fields.isEmpty() || fields.contains(name));
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
        // one pass over the names (each decoded once), marking where each value starts; then the values in order
        List<String> names = new ArrayList<>();
        List<BsonReaderMark> marks = new ArrayList<>();
        BsonReaderMark storedId = null;
        BsonReaderMark id = null;
        boolean topLevelId = idField.indexOf('.') < 0;
        try (BsonBinaryReader reader = reader(document)) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (name.equals(ID)) {
                    if (shown(ID)) {
                        storedId = reader.getMark();
                    }
                } else if (shown(name)) {
                    names.add(name);
                    marks.add(reader.getMark());
                } else if (topLevelId && name.equals(idField)) {
                    id = reader.getMark();
                }
                reader.skipValue();
            }
            gen.writeStartObject();
            gen.writeFieldName(ID);
            if (extra.containsKey(ID)) {
                provider.defaultSerializeValue(extra.get(ID), gen);
            } else if (storedId != null) {
                writeAt(storedId, reader, gen, provider);
            } else if (!topLevelId) {
                writeField(gen, provider, idField);
            } else if (id != null) {
                writeAt(id, reader, gen, provider);
            } else {
                gen.writeNull();
            }
            List<String> ordered = fields.isEmpty() ? names : inAskedOrder(names);
            Set<String> pending = extra.isEmpty() ? null : new LinkedHashSet<>(extra.keySet());
            if (pending != null) {
                pending.remove(ID);
            }
            for (int k = 0; k < ordered.size(); k++) {
                // with fields= the fields come in the order asked for (stores order a projection differently)
                int i = fields.isEmpty() ? k : names.indexOf(ordered.get(k));
                String name = names.get(i);
                gen.writeFieldName(name);
                if (pending != null && pending.remove(name)) {
                    provider.defaultSerializeValue(extra.get(name), gen);
                } else {
                    writeAt(marks.get(i), reader, gen, provider);
                }
            }
            if (pending != null) {
                for (String name : pending) {
                    gen.writeFieldName(name);
                    provider.defaultSerializeValue(extra.get(name), gen);
                }
            }
            gen.writeEndObject();
        }
    }

    /** The document's shown names in the order of {@code fields}. */
    private List<String> inAskedOrder(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String f : fields) {
            if (names.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static void writeAt(BsonReaderMark mark, BsonReader reader, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        mark.reset();
        writeValue(reader, gen, provider);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
        serialize(gen, provider);
    }

    /** The value at a (dotted) path, written as {@link Store#value} finds it: null when a step is not a document. */
    private void writeField(JsonGenerator gen, SerializerProvider provider, String path) throws IOException {
        BsonValue v = document;
        for (String part : path.split("\\.")) {
            if (!(v instanceof org.bson.BsonDocument doc)) {
                v = null;
                break;
            }
            v = doc.get(part);
        }
        if (v == null) {
            gen.writeNull();
            return;
        }
        org.bson.BsonDocument holder = new org.bson.BsonDocument("v", v);
        try (BsonReader reader = new org.bson.BsonDocumentReader(holder)) {
            reader.readStartDocument();
            reader.readBsonType();
            reader.readName();
            writeValue(reader, gen, provider);
        }
    }

    private static BsonBinaryReader reader(RawBsonDocument document) {
        return new BsonBinaryReader(new ByteBufferBsonInput(document.getByteBuffer()));
    }

    /** The reader's current value, as Jackson writes the driver's Java value for it. */
    static void writeValue(BsonReader reader, JsonGenerator gen, SerializerProvider provider) throws IOException {
        switch (reader.getCurrentBsonType()) {
            case STRING -> gen.writeString(reader.readString());
            case INT32 -> gen.writeNumber(reader.readInt32());
            case INT64 -> gen.writeNumber(reader.readInt64());
            case DOUBLE -> gen.writeNumber(reader.readDouble());
            case BOOLEAN -> gen.writeBoolean(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                gen.writeNull();
            }
            case DATE_TIME -> gen.writeString(Instant.ofEpochMilli(reader.readDateTime()).toString());
            case DOCUMENT -> {
                reader.readStartDocument();
                gen.writeStartObject();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    gen.writeFieldName(reader.readName());
                    writeValue(reader, gen, provider);
                }
                reader.readEndDocument();
                gen.writeEndObject();
            }
            case ARRAY -> {
                reader.readStartArray();
                gen.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    writeValue(reader, gen, provider);
                }
                reader.readEndArray();
                gen.writeEndArray();
            }
            default -> provider.defaultSerializeValue(CODECS.get(reader.getCurrentBsonType()).decode(reader, DECODING), gen);
        }
    }
}
