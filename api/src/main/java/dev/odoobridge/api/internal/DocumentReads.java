package dev.odoobridge.api.internal;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

/**
 * Where the API's paged and single documents come from, as BSON: the MongoDB driver ({@link #driver}), or the
 * embedded store serving the read model from this process ({@link #inProcess}), which answers the same query
 * without the wire protocol. Both give the documents a {@code find} with that filter, sort and limit returns.
 */
interface DocumentReads {
    /**
     * The matching documents in the sort's order, at most {@code limit} (0: all).
     *
     * @param projection the fields the caller shows (null for all); the driver asks the server for just those, the
     *     in-process store hands the stored documents whole (the caller only shows those fields either way)
     */
    List<RawBsonDocument> find(String collection, Bson filter, Bson sort, int limit, Bson projection);

    /** Reads with the driver's {@code find}. */
    static DocumentReads driver(MongoDatabase db) {
        return (collection, filter, sort, limit, projection) -> {
            FindIterable<RawBsonDocument> find = db.getCollection(collection, RawBsonDocument.class).find(filter)
                    .sort(sort).limit(limit);
            if (projection != null) {
                find = find.projection(projection);
            }
            return find.into(new ArrayList<>());
        };
    }

    /** Reads from the embedded store in this process. */
    static DocumentReads inProcess(StoreReads reads, String database) {
        return (collection, filter, sort, limit, projection) -> reads.find(database, collection, bson(filter),
                sort == null ? new BsonDocument() : bson(sort), limit);
    }

    private static BsonDocument bson(Bson b) {
        return b.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
