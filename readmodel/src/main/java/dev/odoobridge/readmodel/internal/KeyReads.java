package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Reads documents by {@code _id} ({@link ById}), first asking the embedded store's index which of the keys exist
 * when the store offers that fast path in this process: keys that are not stored then cost no query, which is most
 * of them while a catalog is synced for the first time (the stock views look up references that do not exist yet).
 * Without the fast path (any MongoDB server) every key is queried.
 */
final class KeyReads {
    private final String database;
    private final StoreFastPaths fastPaths;

    /** @param fastPaths the embedded store's fast paths, or null for standard commands only */
    KeyReads(String database, StoreFastPaths fastPaths) {
        this.database = database;
        this.fastPaths = fastPaths;
    }

    /** Passes each stored document with one of the ids to the sink; {@code fields} null for whole documents. */
    void find(MongoCollection<Document> coll, Collection<String> ids, List<String> fields, Consumer<Document> sink) {
        Collection<String> stored = stored(coll, ids);
        if (!stored.isEmpty()) {
            ById.find(coll, stored, fields, sink);
        }
    }

    /**
     * The ids that may be stored: those the store's index holds when it offers its fast path, else all of them.
     * Knowing a key absent this way is exact only while this process is the store's sole writer.
     */
    Collection<String> stored(MongoCollection<Document> coll, Collection<String> ids) {
        if (fastPaths == null || ids.isEmpty()) {
            return ids;
        }
        return fastPaths.existingIds(database, coll.getNamespace().getCollectionName(), new ArrayList<>(ids));
    }

    /** Whether {@link #stored} tells absent keys apart without a query (the embedded store in this process). */
    boolean exact() {
        return fastPaths != null;
    }
}
