package dev.odoobridge.api.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.mongodb.MongoClientSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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
 * Read-model documents and values written through the driver's {@link BsonReader} (names and strings decoded to Java
 * strings) and a Jackson generator, with the rules of {@link DocumentJson}: the way for generators other than the
 * API's compact UTF-8 one, for the values of the rarer BSON types (decoded by the driver's codecs, written by the
 * mapper) and for a dotted id field's value.
 */
final class ReaderJson {
    private static final BsonTypeCodecMap CODECS =
            new BsonTypeCodecMap(new BsonTypeClassMap(), MongoClientSettings.getDefaultCodecRegistry());
    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private static final String ID = "id";

    private ReaderJson() {
    }

    private static boolean shown(String name, String idField, Set<String> fields) {
        return !name.startsWith("_") && !name.equals(idField) && (fields.isEmpty() || fields.contains(name));
    }

    /**
     * Writes the document as {@link DocumentJson} shows it ({@code id} first, then the shown fields, then the extra
     * members; an extra member named as a field takes its place).
     */
    static void document(RawBsonDocument document, String idField, Set<String> fields, Map<String, Object> extra,
                         JsonGenerator gen, SerializerProvider provider) throws IOException {
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
                    if (shown(ID, idField, fields)) {
                        storedId = reader.getMark();
                    }
                } else if (shown(name, idField, fields)) {
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
                field(document, idField, gen, provider);
            } else if (id != null) {
                writeAt(id, reader, gen, provider);
            } else {
                gen.writeNull();
            }
            List<String> ordered = fields.isEmpty() ? names : inAskedOrder(names, fields);
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
    private static List<String> inAskedOrder(List<String> names, Set<String> fields) {
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
        value(reader, gen, provider);
    }

    /** The value at a (dotted) path, written as {@link Store#value} finds it: null when a step is not a document. */
    static void field(RawBsonDocument document, String path, JsonGenerator gen, SerializerProvider provider) throws IOException {
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
            value(reader, gen, provider);
        }
    }

    private static BsonBinaryReader reader(RawBsonDocument document) {
        return new BsonBinaryReader(new ByteBufferBsonInput(document.getByteBuffer()));
    }

    /** The reader's current value, as Jackson writes the driver's Java value for it. */
    static void value(BsonReader reader, JsonGenerator gen, SerializerProvider provider) throws IOException {
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
                    value(reader, gen, provider);
                }
                reader.readEndDocument();
                gen.writeEndObject();
            }
            case ARRAY -> {
                reader.readStartArray();
                gen.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    value(reader, gen, provider);
                }
                reader.readEndArray();
                gen.writeEndArray();
            }
            default -> provider.defaultSerializeValue(CODECS.get(reader.getCurrentBsonType()).decode(reader, DECODING), gen);
        }
    }
}
