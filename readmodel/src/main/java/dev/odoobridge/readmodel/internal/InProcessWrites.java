package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.util.List;
import org.bson.Document;

/**
 * Hands whole batches of documents to the embedded store when it runs in this process and takes them there
 * ({@link StoreFastPaths#writesInProcess()}): no driver encoding, no socket, no command decoding, the documents
 * stored exactly as the standard command would store them. Callers use it only where they would have sent plain
 * inserts (keys known absent, this process the sole writer) or replacements by {@code _id} of stored documents;
 * everything else, and every write to any other MongoDB, stays a standard command.
 */
final class InProcessWrites {
    private final String database;
    private final StoreFastPaths fastPaths;

    /** @param fastPaths the embedded store's fast paths, or null for standard commands only */
    InProcessWrites(String database, StoreFastPaths fastPaths) {
        this.database = database;
        this.fastPaths = fastPaths != null && fastPaths.writesInProcess() ? fastPaths : null;
    }

    /** Whether the store takes documents in this process; when false the other methods must not be called. */
    boolean available() {
        return fastPaths != null;
    }

    /** Inserts the documents; returns the {@code _id}s refused as already stored. */
    List<String> insert(MongoCollection<Document> coll, List<Document> documents) {
        return documents.isEmpty() ? List.of() : fastPaths.insert(database, name(coll), documents);
    }

    /** Inserts documents whose keys are known absent: one found stored fails the write, as the refused insert would. */
    void insertAbsent(MongoCollection<Document> coll, List<Document> documents) {
        List<String> refused = insert(coll, documents);
        if (!refused.isEmpty()) {
            throw new ReadModelException("the embedded store already held " + refused.size() + " of the " + documents.size()
                    + " documents inserted into '" + name(coll) + "' (first: " + refused.get(0) + "); another process"
                    + " writes it, which the read-then-write guard does not allow");
        }
    }

    /** Replaces stored documents by {@code _id}; returns how many were matched. */
    long replace(MongoCollection<Document> coll, List<Document> documents) {
        return documents.isEmpty() ? 0 : fastPaths.replace(database, name(coll), documents);
    }

    private static String name(MongoCollection<Document> coll) {
        return coll.getNamespace().getCollectionName();
    }
}
