package dev.odoobridge.embedded.mongo;

import com.mongodb.MongoClientSettings;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Turns the driver's documents into the server's, as the driver's encoding and the server's decoding of an
 * {@code insert} or {@code update} command would have turned them: {@code _id} first at the top level (the driver
 * writes it first in a stored document), int32 as {@link Integer}, int64 as {@link Long}, double as {@link Double},
 * date-time as {@link Instant}, arrays as {@link ArrayList}, embedded documents as server documents, key order kept.
 * A document holding a value of any other type goes the long way, through the driver's codec and the server's
 * BSON decoder in memory, so every document ends up exactly as the command would have stored it.
 */
final class InProcessDocuments {
    private static final Codec<org.bson.Document> CODEC =
            MongoClientSettings.getDefaultCodecRegistry().get(org.bson.Document.class);
    private static final EncoderContext STORED = EncoderContext.builder().isEncodingCollectibleDocument(true).build();

    private InProcessDocuments() {
    }

    /** The server's form of a document to store. */
    static Document toStored(org.bson.Document document) {
        try {
            Document out = new Document();
            if (document.containsKey("_id")) {
                out.put("_id", value(document.get("_id")));
            }
            for (Map.Entry<String, Object> e : document.entrySet()) {
                if (!e.getKey().equals("_id")) {
                    out.put(key(e.getKey()), value(e.getValue()));
                }
            }
            return out;
        } catch (OtherType e) {
            return throughBson(document);
        }
    }

    /** The document encoded by the driver's codec and decoded by the server's decoder, as the wire would carry it. */
    static Document throughBson(org.bson.Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            CODEC.encode(writer, document, STORED);
        }
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.toByteArray()));
    }

    private static Object value(Object v) {
        if (v instanceof String s) {
            return plain(s);
        }
        if (v == null || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Date d) {
            return Instant.ofEpochMilli(d.getTime());
        }
        if (v instanceof org.bson.Document d) {
            Document out = new Document();
            for (Map.Entry<String, Object> e : d.entrySet()) {
                out.put(key(e.getKey()), value(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(value(o));
            }
            return out;
        }
        throw new OtherType();
    }

    private static String key(String key) {
        if (key.indexOf('\0') >= 0) {
            throw new OtherType(); // the driver refuses it: let it say so
        }
        return plain(key);
    }

    /** The string itself when UTF-8 carries it unchanged; one with a surrogate goes through BSON as on the wire. */
    private static String plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                throw new OtherType();
            }
        }
        return s;
    }

    /** A value this class does not convert itself: the document goes through BSON. */
    private static final class OtherType extends RuntimeException {
        OtherType() {
            super(null, null, false, false);
        }
    }
}
