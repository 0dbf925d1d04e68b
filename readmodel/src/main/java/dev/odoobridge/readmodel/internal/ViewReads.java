package dev.odoobridge.readmodel.internal;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * Where the views' documents are read from, as BSON: the MongoDB driver ({@link #driver}), or the embedded store
 * serving the read model from this process ({@link #inProcess}), which answers the same {@code find} without the
 * wire protocol. Both give the documents a {@code find} with that filter, sort and limit returns.
 */
interface ViewReads {
    /**
     * The matching documents of the collection in the sort's order, at most {@code limit} (0: all).
     *
     * @param sort the sort, or null for the store's natural order
     */
    List<RawBsonDocument> find(String collection, Bson filter, Bson sort, int limit);

    /** The document whose {@code _id} is the string, if there is one. */
    Optional<RawBsonDocument> byId(String collection, String id);

    /** Reads with the driver's {@code find}. */
    static ViewReads driver(MongoDatabase db) {
        return new ViewReads() {
            @Override
            public List<RawBsonDocument> find(String collection, Bson filter, Bson sort, int limit) {
                FindIterable<RawBsonDocument> find = db.getCollection(collection, RawBsonDocument.class).find(filter)
                        .limit(limit);
                if (sort != null) {
                    find = find.sort(sort);
                }
                return find.into(new ArrayList<>());
            }

            @Override
            public Optional<RawBsonDocument> byId(String collection, String id) {
                return Optional.ofNullable(db.getCollection(collection, RawBsonDocument.class)
                        .find(Filters.eq("_id", id)).first());
            }
        };
    }

    /** Reads from the embedded store in this process; the filter and sort are rendered with the database's codecs. */
    static ViewReads inProcess(StoreReads reads, MongoDatabase db) {
        CodecRegistry codecs = db.getCodecRegistry();
        String database = db.getName();
        return new ViewReads() {
            @Override
            public List<RawBsonDocument> find(String collection, Bson filter, Bson sort, int limit) {
                return reads.find(database, collection, filter.toBsonDocument(BsonDocument.class, codecs),
                        sort == null ? new BsonDocument() : sort.toBsonDocument(BsonDocument.class, codecs), limit);
            }

            @Override
            public Optional<RawBsonDocument> byId(String collection, String id) {
                return reads.findById(database, collection, id);
            }
        };
    }
}
