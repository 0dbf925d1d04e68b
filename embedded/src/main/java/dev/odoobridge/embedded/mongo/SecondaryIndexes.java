package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's answer to a non-unique index. An index of the change sequence (ascending fields ending with
 * {@code _seq}, such as {@code {_source:1,_seq:1}}) is built in memory ({@link SequenceIndex}); no other is
 * (mongo-java-server has none; queries on it scan, and the read model's other hot paths use the primary or unique
 * indexes). That is a property of the embedded server, not of the user's data, so it is noted at debug level
 * instead of the library's warning per index.
 */
final class SecondaryIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(SecondaryIndexes.class);
    /**
     * System property: {@code false} builds no sequence index either, so {@code _seq} queries scan as before (to
     * compare both in one build; the answers are the same).
     */
    static final String SEQUENCE_INDEXES = "odoobridge.embedded.sequenceIndexes";
    private static final boolean BUILD_SEQUENCE_INDEXES = !"false".equals(System.getProperty(SEQUENCE_INDEXES));

    private SecondaryIndexes() {
    }

    static <P> Index<P> open(String database, String collection, String indexName, List<IndexKey> keys,
                             boolean sparse) {
        if (BUILD_SEQUENCE_INDEXES && !sparse && SequenceIndex.fits(keys)) {
            return SequenceIndex.of(indexName, keys);
        }
        LOG.debug("embedded store: index {} on {}.{} ({}) is not built; queries on it scan", indexName, database,
                collection, keys);
        return new EmptyIndex<>(indexName, keys);
    }
}
