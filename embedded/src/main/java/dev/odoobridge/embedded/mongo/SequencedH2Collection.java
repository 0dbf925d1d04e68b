package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, with queries sorted by {@code _seq} read in index order ({@link SequencedCollections}),
 * and its documents' bytes kept for the readers of this process ({@link EncodedDocuments}).
 */
final class SequencedH2Collection extends H2Collection implements InProcessQueries {
    private static final int WARM_UP_BATCH = 256;
    private final EncodedDocuments<Object> encoded;
    /**
     * Writes hold its write lock (then the monitor, as the library's collection takes it); in-process reads its read lock.
     */
    private final ReentrantReadWriteLock documents = new ReentrantReadWriteLock();

    private final MVMap<Object, Document> data;
    private final Supplier<WarmUps> warmUps;
    private final AtomicBoolean warmUpAsked = new AtomicBoolean();
    private volatile boolean dropped;

    SequencedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors, Supplier<EncodedDocuments.Budget> budget,
                          Supplier<WarmUps> warmUps) {
        super(database, name, options, data, meta, cursors);
        this.encoded = new EncodedDocuments<>(budget);
        this.data = data;
        this.warmUps = warmUps;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document projection) {
        Iterable<Object> positions = SequencedCollections.inSequenceOrder(getIndexes(), query, orderBy);
        return positions == null
                ? super.queryDocuments(query, orderBy, skip, limit, batchSize, projection)
                : matchDocuments(query, positions, null, skip, limit, batchSize, projection);
    }

    /**
     * Runs under the read lock of {@link #documents}: beside other reads, never beside a write (every write takes its
     * write lock before the collection's monitor). Queries an index answers exactly come from the kept encodings;
     * any other query runs as the {@code find} command runs it, but not under the collection's monitor (the library's
     * {@code find} takes it; here the write lock already keeps writes out): a reader that the system deschedules while
     * holding it would stop every other reader of the collection (a product's lots are read so on every product
     * request).
     */
    @Override
    public List<RawBsonDocument> findEncoded(Document query, Document orderBy, int limit) {
        documents.readLock().lock();
        try {
            // a document's position here is its _id (the key of the data map)
            List<RawBsonDocument> exact = SequencedCollections.findExact(getIndexes(), query, orderBy, limit, encoded,
                    this::getDocument, id -> id, AbstractMongoCollection::deriveComparator);
            if (exact != null) {
                if (warmUpAsked.compareAndSet(false, true)) {
                    warmUps.get().request(getFullName(), this::warmUp);
                }
                return exact;
            }
            return SequencedCollections.encodeAll(queryDocuments(query, orderBy, 0, limit, 0, null).collectDocuments());
        } finally {
            documents.readLock().unlock();
        }
    }

    /**
     * Encodes the stored documents into {@link #encoded} while its budget has room, in batches under the read lock
     * (a write waits for one batch at most); the keys come from a snapshot of the data, each document is read again
     * under the lock, so what is kept is what is stored.
     */
    private void warmUp(BooleanSupplier stopping) {
        Iterator<Object> keys = data.keyIterator(null);
        while (!dropped && !stopping.getAsBoolean() && keys.hasNext()) {
            documents.readLock().lock();
            try {
                for (int i = 0; i < WARM_UP_BATCH && !dropped && keys.hasNext(); i++) {
                    Object key = keys.next();
                    Document document = getDocument(key);
                    if (document != null && !encoded.offer(key, document)) {
                        return; // the budget is full
                    }
                }
            } finally {
                documents.readLock().unlock();
            }
        }
    }

    @Override
    public void addDocument(Document document) {
        writing(() -> super.addDocument(document));
    }

    @Override
    public void addDocuments(Stream<Document> documents) {
        writing(() -> super.addDocuments(documents));
    }

    @Override
    public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        return writing(() -> super.insertDocuments(documents, isOrdered));
    }

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
                                    boolean isUpsert, Oplog oplog) {
        return writing(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return writing(() -> super.deleteDocuments(selector, limit, oplog));
    }

    @Override
    public Document findAndModify(Document query) {
        return writing(() -> super.findAndModify(query));
    }

    @Override
    public void removeDocument(Document document) {
        writing(() -> super.removeDocument(document));
    }

    @Override
    public void dropIndex(String indexName) {
        writing(() -> super.dropIndex(indexName));
    }

    private void writing(Runnable write) {
        writing(() -> {
            write.run();
            return null;
        });
    }

    private <T> T writing(Supplier<T> write) {
        documents.writeLock().lock();
        try {
            return write.get();
        } finally {
            documents.writeLock().unlock();
        }
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
    public int encodedDocuments() {
        return encoded.size();
    }

    @Override
    public void drop() {
        writing(() -> {
            synchronized (this) {
                dropped = true;
                encoded.clear();
                super.drop();
            }
        });
    }

    @Override
    public void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        writing(() -> {
            dropped = true; // the data moves to a collection of the new name
            encoded.clear();
            super.renameTo(newDatabase, newCollectionName);
        });
    }

    @Override
    public void addIndex(Index<Object> index) {
        writing(() -> {
            synchronized (this) {
                SequencedCollections.fill(getFullName(), index, getIndexes(), this::streamAllDocumentsWithPosition);
                super.addIndex(index);
            }
        });
    }
}
