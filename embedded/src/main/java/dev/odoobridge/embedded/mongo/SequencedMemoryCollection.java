package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/** The in-memory backend's collection, with queries sorted by {@code _seq} read in index order ({@link SequencedCollections}). */
final class SequencedMemoryCollection extends MemoryCollection implements InProcessQueries {
    SequencedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document projection) {
        Iterable<Integer> positions = SequencedCollections.inSequenceOrder(getIndexes(), query, orderBy);
        return positions == null
                ? super.queryDocuments(query, orderBy, skip, limit, batchSize, projection)
                : matchDocuments(query, positions, null, skip, limit, batchSize, projection);
    }

    @Override
    public synchronized List<Document> find(Document query, Document orderBy, int limit) {
        return queryDocuments(query, orderBy, 0, limit, 0, null).collectDocuments();
    }

    @Override
    public synchronized void addIndex(Index<Integer> index) {
        SequencedCollections.fill(getFullName(), index, getIndexes(), this::streamAllDocumentsWithPosition);
        super.addIndex(index);
    }
}
