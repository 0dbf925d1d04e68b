package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import org.bson.RawBsonDocument;

/**
 * The in-memory backend's collection, with queries sorted by {@code _seq} read in index order
 * ({@link SequencedCollections}), and its documents' bytes kept for the readers of this process ({@link EncodedDocuments}).
 */
final class SequencedMemoryCollection extends MemoryCollection implements InProcessQueries {
    private final EncodedDocuments<Integer> encoded;

    SequencedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
                              Supplier<EncodedDocuments.Budget> budget) {
        super(database, name, options, cursors);
        this.encoded = new EncodedDocuments<>(budget);
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
    public synchronized List<RawBsonDocument> findEncoded(Document query, Document orderBy, int limit) {
        List<RawBsonDocument> exact = SequencedCollections.findExact(getIndexes(), query, orderBy, limit, encoded, this::getDocument,
                null, AbstractMongoCollection::deriveComparator);
        return exact != null ? exact
                : SequencedCollections.encodeAll(queryDocuments(query, orderBy, 0, limit, 0, null).collectDocuments());
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        encoded.forget(position);
        return position;
    }

    @Override
    protected void removeDocument(Integer position) {
        encoded.forget(position);
        super.removeDocument(position);
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
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
    public synchronized void addIndex(Index<Integer> index) {
        SequencedCollections.fill(getFullName(), index, getIndexes(), this::streamAllDocumentsWithPosition);
        super.addIndex(index);
    }
}
