package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 file backend made crash-consistent and durable on acknowledgement.
 *
 * <p>The stock backend lets the MVStore commit from a background thread once a second and
 * whenever unsaved memory piles up. A collection keeps its documents and each unique index in
 * separate maps, updated one after the other, so such a commit can land between the two: after
 * the process is killed the {@code _id} index names documents that are not there (upserts then
 * fail with "Expected one element but got zero") and the last second of acknowledged writes is
 * gone although the writer already moved its checkpoint on.
 *
 * <p>Here the store never commits on its own. Every command runs under a shared lock; when it
 * changed anything, the store is committed under the exclusive lock before the reply leaves, so a
 * commit always falls between commands and an acknowledged write is in the file (a killed process
 * loses nothing it acknowledged; the operating system still has to flush its cache). Concurrent
 * writers share commits: whoever takes the exclusive lock first commits everybody's changes.
 * Space left by old chunks is compacted in the background under the same exclusive lock.
 *
 * <p>Three more departures from the stock backend, all for speed: unique indexes compare their keys
 * by value ({@link IndexKeyType}) instead of by serialized bytes, documents are stored as BSON
 * ({@link StoredDocumentType}) instead of by Java serialization, and {@link #existingIds} answers
 * which of some {@code _id}s are stored from the index alone (the projector's fast path in this process).
 */
final class DurableH2Backend extends H2Backend {
    private static final Logger LOG = LoggerFactory.getLogger(DurableH2Backend.class);
    private static final long COMPACT_EVERY_SECONDS = 30;
    private static final int COMPACT_FILL_RATE = 60;
    private static final int COMPACT_WRITE_BYTES = 4 << 20;
    private static final int RETENTION_MILLIS = 1_000;
    private static final long SLOW_COMMAND_MILLIS = 100;
    private static final String ID_INDEX = "_id_";
    private static final int DUPLICATE_KEY = 11000;
    /**
     * System property: {@code false} makes the fast paths offer no in-process writes, so the projector writes with
     * standard commands over the socket (to compare both call patterns; the stored result is the same).
     */
    static final String IN_PROCESS_WRITES = "odoobridge.embedded.inProcessWrites";

    /**
     * System property: the page cache of the store file in MiB (H2's default, 16, when unset). Documents are decoded
     * page by page when read from the file; a cache that holds the pages a workload reads again spares decoding them.
     */
    static final String CACHE_MEGABYTES = "odoobridge.embedded.cacheMegabytes";

    private final MVStore store;
    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock(true);
    private final ScheduledExecutorService housekeeping;
    /** Whether {@link #fastPaths} offer in-process writes (system property {@value #IN_PROCESS_WRITES}, true by default). */
    private final boolean writesInProcess = !"false".equals(System.getProperty(IN_PROCESS_WRITES));
    /** What the collections may keep of their documents' bytes for readers in this process. */
    private final EncodedDocuments.Budget encodedBudget = EncodedDocuments.Budget.fromProperty();
    /** The collections' warm-ups of their kept encodings. */
    private final WarmUps warmUps = new WarmUps();
    /** Work running in {@link #inOneCommit}: commands then leave their changes for that work's end to commit. */
    private final AtomicInteger deferringCommits = new AtomicInteger();

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-model-store-compaction");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::compact, COMPACT_EVERY_SECONDS, COMPACT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens (or creates) the store file with automatic commits switched off. */
    static DurableH2Backend open(String file) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0);
        Integer cache = Integer.getInteger(CACHE_MEGABYTES);
        if (cache != null) {
            builder.cacheSize(cache);
        }
        MVStore store = builder.open();
        try {
            // space of replaced chunks is reused after a second instead of 45: a commit per write command
            // otherwise grows the file by everything written in the last 45 s (the guarantee here is against
            // a killed process, whose writes the operating system still holds, not against a power cut)
            store.setRetentionTime(RETENTION_MILLIS);
            DurableH2Backend backend = new DurableH2Backend(store);
            backend.commitChanges(); // databases and collections opened on start
            return backend;
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // runs inside H2Backend's constructor too (databases found in the file): no field of this class is set yet
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * H2's database with its unique indexes in maps keyed by {@link IndexKeyType}. Those maps have
     * their own names ({@code ._keys_}): a file written with the stock index maps (ordered by
     * serialized bytes) gets its indexes rebuilt from the documents on opening, and the old maps removed.
     */
    private final class Database extends H2Database {
        Database(String name, MVStore mvStore, CursorRegistry cursors) {
            super(name, mvStore, cursors); // opens the indexes found in the file: only the outer instance may be used there
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String stock = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (store.hasMap(stock)) {
                store.removeMap(stock);
            }
            MVMap<KeyValue, Object> map = indexMap(store, getFullCollectionNamespace(collectionName), indexName);
            return new KeyIndex(map, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return SecondaryIndexes.open(getDatabaseName(), collectionName, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new StoredDocumentType()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new SequencedH2Collection(this, collectionName, options, data, meta, cursorRegistry,
                    () -> encodedBudget, () -> warmUps);
        }

        MongoCollection<Object> writable(String collectionName) {
            return resolveOrCreateCollection(collectionName);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(getFullCollectionNamespace(collection.getCollectionName()), indexName));
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        long start = System.nanoTime();
        try {
            return committed(() -> super.handleCommand(channel, database, command, query));
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= SLOW_COMMAND_MILLIS && LOG.isDebugEnabled()) {
                String shown = String.valueOf(query);
                LOG.debug("slow command on the embedded store ({} ms): {}", millis,
                        shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
            }
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return committed(() -> super.handleQuery(query));
    }

    /**
     * Which of the {@code _id}s the collection holds, answered from its {@code _id} index alone (no
     * document is read). Counting a range of a million documents by {@code find} deserialized every one
     * of them; this reads index pages only.
     */
    List<String> existingIds(String database, String collection, List<String> ids) {
        String namespace = database + "." + collection;
        List<String> existing = new ArrayList<>();
        commitLock.readLock().lock();
        try {
            MVStore mvStore = getMvStore();
            if (mvStore.hasMap(indexMapName(namespace, ID_INDEX))) {
                MVMap<KeyValue, Object> index = indexMap(mvStore, namespace, ID_INDEX);
                for (String id : ids) {
                    if (index.containsKey(new KeyValue(id).normalized())) {
                        existing.add(id);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new ReadModelException("reading the _id index of " + namespace + " in the embedded store failed: " + e, e);
        } finally {
            commitLock.readLock().unlock();
        }
        return existing;
    }

    /**
     * Inserts the driver's documents into the collection in this process, as the {@code insert} command does
     * ({@code ordered: false}): the same conversion the wire would make ({@link InProcessDocuments}), the same
     * collection call, committed as a command is.
     *
     * @return the {@code _id}s refused as duplicate keys
     */
    List<String> insert(String database, String collection, List<org.bson.Document> documents) {
        List<Document> stored = new ArrayList<>(documents.size());
        documents.forEach(d -> stored.add(InProcessDocuments.toStored(d)));
        List<Document> errors = committed(() -> {
            MongoCollection<?> coll = writable(database, collection);
            List<Document> refused = coll.insertDocuments(stored, false);
            oplog.handleInsert(coll.getFullName(), stored);
            return refused;
        });
        List<String> duplicates = new ArrayList<>();
        for (Document error : errors) {
            Object code = error.get("code");
            int index = ((Number) error.get("index")).intValue();
            if (!(code instanceof Number n) || n.intValue() != DUPLICATE_KEY) {
                throw new ReadModelException("the embedded store refused document " + index + " of " + documents.size()
                        + " inserted into " + database + "." + collection + ": " + error.get("errmsg"));
            }
            duplicates.add(String.valueOf(documents.get(index).get("_id")));
        }
        return duplicates;
    }

    /**
     * Replaces stored documents by {@code _id} in this process, as the {@code update} command does with a
     * replacement and no upsert.
     *
     * @return how many were matched
     */
    long replace(String database, String collection, List<org.bson.Document> documents) {
        List<Document> stored = new ArrayList<>(documents.size());
        documents.forEach(d -> stored.add(InProcessDocuments.toStored(d)));
        return committed(() -> {
            MongoCollection<?> coll = writable(database, collection);
            long matched = 0;
            for (Document d : stored) {
                Document selector = new Document("_id", d.get("_id"));
                try {
                    Document result = coll.updateDocuments(selector, d,
                            ArrayFilters.empty(), false, false, oplog);
                    matched += ((Number) result.get("n")).longValue();
                } catch (MongoServerException e) {
                    throw new ReadModelException("the embedded store refused a replacement of " + d.get("_id") + " in "
                            + database + "." + collection + ": " + e.getMessageWithoutErrorCode(), e);
                }
            }
            return matched;
        });
    }

    /**
     * Runs a read of a reader in this process ({@link InProcessReads}) as a command runs: under the shared lock, so
     * it never sees the store in the middle of a commit, and committed afterwards should it have opened anything.
     */
    <T> T read(Supplier<T> query) {
        return committed(query);
    }

    /** The collection for writes, created when missing (as a write command creates it). */
    private MongoCollection<?> writable(String database, String collection) {
        return ((Database) resolveDatabase(database)).writable(collection);
    }

    /** The map of a unique index ({@code <database>.<collection>._keys_<index>}), keyed by {@link IndexKeyType}. */
    private static MVMap<KeyValue, Object> indexMap(MVStore mvStore, String namespace, String indexName) {
        return mvStore.openMap(indexMapName(namespace, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    private static String indexMapName(String namespace, String indexName) {
        return namespace + "._keys_" + indexName;
    }

    private <T> T committed(Supplier<T> command) {
        if (commitLock.getReadHoldCount() > 0) {
            return command.get(); // a command run from inside another one: the outer one commits
        }
        T reply;
        commitLock.readLock().lock();
        try {
            reply = command.get();
        } finally {
            commitLock.readLock().unlock();
        }
        if (deferringCommits.get() == 0 && store.hasUnsavedChanges()) {
            commitChanges();
        }
        return reply;
    }

    /**
     * Runs the work with commits deferred to its end: the commands it sends leave their changes uncommitted
     * and one commit after it makes them all durable (also when it fails: what it wrote stays as written).
     * A commit still only ever falls between commands, under the exclusive lock, so the file stays consistent;
     * a process killed meanwhile loses what the work wrote since the last commit, which it had not reported
     * done. A command of another client in that window is committed with it.
     */
    <T> T inOneCommit(Supplier<T> work) {
        deferringCommits.incrementAndGet();
        try {
            return work.get();
        } finally {
            deferringCommits.decrementAndGet();
            commitChanges();
        }
    }

    /** The fast paths of this store for a projector in the same process. */
    StoreFastPaths fastPaths() {
        return new StoreFastPaths() {
            @Override
            public List<String> existingIds(String database, String collection, List<String> ids) {
                return DurableH2Backend.this.existingIds(database, collection, ids);
            }

            @Override
            public <T> T inOneCommit(Supplier<T> work) {
                return DurableH2Backend.this.inOneCommit(work);
            }

            @Override
            public boolean writesInProcess() {
                return writesInProcess;
            }

            @Override
            public List<String> insert(String database, String collection, List<org.bson.Document> documents) {
                if (!writesInProcess) {
                    throw new UnsupportedOperationException("in-process writes are switched off (" + IN_PROCESS_WRITES + ")");
                }
                return DurableH2Backend.this.insert(database, collection, documents);
            }

            @Override
            public long replace(String database, String collection, List<org.bson.Document> documents) {
                if (!writesInProcess) {
                    throw new UnsupportedOperationException("in-process writes are switched off (" + IN_PROCESS_WRITES + ")");
                }
                return DurableH2Backend.this.replace(database, collection, documents);
            }
        };
    }

    private void commitChanges() {
        commitLock.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    private void compact() {
        commitLock.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
                store.commit();
            }
        } catch (RuntimeException e) {
            LOG.warn("compacting the embedded read model store failed (it is retried later): {}", e.toString());
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        warmUps.close();
        // no interrupt: an interrupted file operation closes H2's file channel under a running compaction
        housekeeping.shutdown();
        try {
            if (!housekeeping.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a compaction of the embedded read model store did not finish within 30 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitLock.writeLock().lock();
        try {
            super.close();
        } finally {
            commitLock.writeLock().unlock();
        }
    }
}
