package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/**
 * mongo-java-server's in-memory backend whose databases build the change sequence's indexes
 * ({@link SequenceIndex}, read in order by {@link SequencedMemoryCollection}) and note the other secondary indexes
 * they do not build at debug level (see {@link SecondaryIndexes}) instead of warning once per index on every start.
 */
final class InMemoryBackend extends MemoryBackend {
    /** What the collections may keep of their documents' bytes for readers in this process. */
    private final EncodedDocuments.Budget encodedBudget = EncodedDocuments.Budget.fromProperty();

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private final class Database extends MemoryDatabase {
        Database(String name) {
            super(name, getCursorRegistry());
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new SequencedMemoryCollection(this, collectionName, options, getCursorRegistry(), () -> encodedBudget);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return SecondaryIndexes.open(getDatabaseName(), collectionName, indexName, keys, sparse);
        }
    }
}
