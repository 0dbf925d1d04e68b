package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;

/** The H2 backend's collection, with queries sorted by {@code _seq} read in index order ({@link SequencedCollections}). */
final class SequencedH2Collection extends H2Collection implements InProcessQueries {
    SequencedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document projection) {
        Iterable<Object> positions = SequencedCollections.inSequenceOrder(getIndexes(), query, orderBy);
        return positions == null
                ? super.queryDocuments(query, orderBy, skip, limit, batchSize, projection)
                : matchDocuments(query, positions, null, skip, limit, batchSize, projection);
    }

    @Override
    public synchronized List<Document> find(Document query, Document orderBy, int limit) {
        return queryDocuments(query, orderBy, 0, limit, 0, null).collectDocuments();
    }

    @Override
    public synchronized void addIndex(Index<Object> index) {
        SequencedCollections.fill(getFullName(), index, getIndexes(), this::streamAllDocumentsWithPosition);
        super.addIndex(index);
    }
}
