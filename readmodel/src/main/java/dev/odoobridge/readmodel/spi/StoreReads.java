package dev.odoobridge.readmodel.spi;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

/**
 * Reads of an embedded store by a reader in the same process (the read model's stock views, the read API): the
 * store's own query code answers without the wire protocol (no driver encoding, no socket, no command decoding, no
 * reply decoding). The answer is what a {@code find} command with the same filter, sort and limit would return, as
 * BSON. Only an embedded store running in this process offers them ({@link #inProcess}); with any other MongoDB the
 * reader uses the driver.
 * Implementations are thread-safe and throw {@link dev.odoobridge.readmodel.ReadModelException} on failure.
 */
public interface StoreReads {
    /**
     * The documents of the collection matching the filter, in the sort's order, at most {@code limit} of them, each
     * whole and as the store holds it (as a {@code find} command without projection returns them); empty when the
     * collection does not exist.
     *
     * @param filter the query filter (as the driver would send it)
     * @param sort the sort specification, or an empty document for the store's natural order
     * @param limit at most this many documents; 0 for all
     */
    List<RawBsonDocument> find(String database, String collection, BsonDocument filter, BsonDocument sort, int limit);

    /**
     * The document of the collection whose {@code _id} is the string, as {@code find({_id: id})} returns it; empty
     * when there is none (or no such collection). A store may answer it without building and reading a filter.
     */
    default Optional<RawBsonDocument> findById(String database, String collection, String id) {
        List<RawBsonDocument> found = find(database, collection, new BsonDocument("_id", new BsonString(id)),
                new BsonDocument(), 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The reads of the embedded store that serves this connection string from this process, when one does (found
     * through the {@link Locator}s on the class path); empty for any other server.
     */
    static Optional<StoreReads> inProcess(String connectionString) {
        for (Locator locator : ServiceLoader.load(Locator.class, StoreReads.class.getClassLoader())) {
            Optional<StoreReads> reads = locator.find(connectionString);
            if (reads.isPresent()) {
                return reads;
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the embedded stores this process runs, by connection string. Found with {@link ServiceLoader};
     * implementations need a public no-argument constructor.
     */
    interface Locator {
        /** The reads of the store this process serves at the connection string's address, if it serves one there. */
        Optional<StoreReads> find(String connectionString);
    }
}
