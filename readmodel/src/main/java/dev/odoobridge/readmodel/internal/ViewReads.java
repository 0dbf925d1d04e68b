package dev.odoobridge.readmodel.internal;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * Where the views' documents are read from: the MongoDB driver ({@link #driver}), or the embedded store serving the
 * read model from this process ({@link #inProcess}), which answers the same {@code find} without the wire protocol.
 * Both give the documents a {@code find} with that filter, sort and limit returns, decoded by the driver's codec.
 */
interface ViewReads {
    /**
     * The matching documents of the collection in the sort's order, at most {@code limit} (0: all).
     *
     * @param sort the sort, or null for the store's natural order
     */
    List<Document> find(String collection, Bson filter, Bson sort, int limit);

    /** Reads with the driver's {@code find}. */
    static ViewReads driver(MongoDatabase db) {
        return (collection, filter, sort, limit) -> {
            FindIterable<Document> find = db.getCollection(collection).find(filter).limit(limit);
            if (sort != null) {
                find = find.sort(sort);
            }
            return find.into(new ArrayList<>());
        };
    }

    /**
     * Reads from the embedded store in this process; the filter and sort are rendered and the stored BSON decoded
     * with the database's codecs, as the driver does.
     */
    static ViewReads inProcess(StoreReads reads, MongoDatabase db) {
        CodecRegistry codecs = db.getCodecRegistry();
        Codec<Document> documents = codecs.get(Document.class);
        String database = db.getName();
        return (collection, filter, sort, limit) -> {
            List<RawBsonDocument> found = reads.find(database, collection, filter.toBsonDocument(BsonDocument.class, codecs),
                    sort == null ? new BsonDocument() : sort.toBsonDocument(BsonDocument.class, codecs), limit);
            List<Document> out = new ArrayList<>(found.size());
            for (RawBsonDocument raw : found) {
                out.add(raw.decode(documents));
            }
            return out;
        };
    }
}
