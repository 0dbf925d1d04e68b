package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, with queries sorted by {@code _seq} read in index order ({@link SequencedCollections}),
 * and its documents' bytes kept for the readers of this process ({@link EncodedDocuments}).
 */
final class SequencedH2Collection extends H2Collection implements InProcessQueries {
    private final EncodedDocuments<Object> encoded;

    SequencedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors, Supplier<EncodedDocuments.Budget> budget) {
        super(database, name, options, data, meta, cursors);
        this.encoded = new EncodedDocuments<>(budget);
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
    public synchronized List<byte[]> findEncoded(Document query, Document orderBy, int limit) {
        return SequencedCollections.findEncoded(getIndexes(), query, orderBy, limit, encoded, this::getDocument,
                () -> queryDocuments(query, orderBy, 0, limit, 0, null).collectDocuments());
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        encoded.forget(position);
        return position;
    }

    @Override
    protected void removeDocument(Object position) {
        encoded.forget(position);
        super.removeDocument(position);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        encoded.forget(position);
        super.handleUpdate(position, oldDocument, newDocument);
    }

    @Override
    public synchronized int encodedDocuments() {
        return encoded.size();
    }

    @Override
    public synchronized void drop() {
        encoded.clear();
        super.drop();
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        encoded.clear();
        super.renameTo(newDatabase, newCollectionName);
    }

    @Override
    public synchronized void addIndex(Index<Object> index) {
        SequencedCollections.fill(getFullName(), index, getIndexes(), this::streamAllDocumentsWithPosition);
        super.addIndex(index);
    }
}
