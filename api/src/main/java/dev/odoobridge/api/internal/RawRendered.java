package dev.odoobridge.api.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.io.ByteBufferBsonInput;

/**
 * A read-model document as the API shows it ({@link Store#render}: {@code id} first, then Odoo's fields in stored
 * order, no bookkeeping fields), written from the raw BSON the driver received straight to the JSON generator,
 * without decoding it into a {@link Document} and copying that into a map first. The JSON is the one Jackson writes
 * for the rendered map: numbers as numbers, dates as ISO-8601 instants; any other BSON type is decoded as the
 * {@link Document} codec decodes it and handed to the mapper.
 *
 * @param doc the document as received
 * @param idField the numeric id field, shown as {@code id}
 * @param fields the fields to show ({@code fields=}), empty for all
 * @param documents the codec the driver decodes documents with (for the rare types written through the mapper)
 */
record RawRendered(RawBsonDocument doc, String idField, Set<String> fields, Codec<Document> documents)
        implements JsonSerializable {
    private static final BsonValueCodec VALUES = new BsonValueCodec();
    private static final DecoderContext DECODE = DecoderContext.builder().build();

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("id");
        // a top-level "id" field of the document takes the first place's value, as a map put would
        BsonValue id = shown("id") && doc.containsKey("id") ? doc.get("id") : doc.get(idField);
        writeSingle(id, gen, provider);
        try (BsonBinaryReader r = new BsonBinaryReader(new ByteBufferBsonInput(doc.getByteBuffer()))) {
            r.readStartDocument();
            while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String k = r.readName();
                if (k.startsWith("_") || k.equals(idField) || k.equals("id") || !shown(k)) {
                    r.skipValue();
                    continue;
                }
                gen.writeFieldName(k);
                write(r, gen, provider);
            }
            r.readEndDocument();
        }
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider,
                                  com.fasterxml.jackson.databind.jsontype.TypeSerializer typeSer) throws IOException {
        serialize(gen, provider);
    }

    private boolean shown(String k) {
        return fields.isEmpty() || fields.contains(k);
    }

    private void writeSingle(BsonValue v, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (v == null) {
            gen.writeNull();
            return;
        }
        try (BsonDocumentReader r = new BsonDocumentReader(new BsonDocument("v", v))) {
            r.readStartDocument();
            r.readBsonType();
            r.readName();
            write(r, gen, provider);
        }
    }

    private void write(BsonReader r, JsonGenerator gen, SerializerProvider provider) throws IOException {
        switch (r.getCurrentBsonType()) {
            case STRING -> gen.writeString(r.readString());
            case INT32 -> gen.writeNumber(r.readInt32());
            case INT64 -> gen.writeNumber(r.readInt64());
            case DOUBLE -> gen.writeNumber(r.readDouble());
            case BOOLEAN -> gen.writeBoolean(r.readBoolean());
            case NULL -> {
                r.readNull();
                gen.writeNull();
            }
            case DATE_TIME -> gen.writeString(Instant.ofEpochMilli(r.readDateTime()).toString());
            case DOCUMENT -> {
                r.readStartDocument();
                gen.writeStartObject();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    gen.writeFieldName(r.readName());
                    write(r, gen, provider);
                }
                r.readEndDocument();
                gen.writeEndObject();
            }
            case ARRAY -> {
                r.readStartArray();
                gen.writeStartArray();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    write(r, gen, provider);
                }
                r.readEndArray();
                gen.writeEndArray();
            }
            default -> {
                BsonValue v = VALUES.decode(r, DECODE);
                Object o = documents.decode(new BsonDocumentReader(new BsonDocument("v", v)), DECODE).get("v");
                provider.defaultSerializeValue(o, gen);
            }
        }
    }
}
