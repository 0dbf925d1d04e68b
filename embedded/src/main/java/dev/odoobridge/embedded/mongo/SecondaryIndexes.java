package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's answer to a non-unique index. An index of the read model's keys (ascending string fields
 * ending with the change sequence {@code _seq}, the Odoo id {@code _odoo_id}, the stock views' {@code product_id} or
 * a {@code barcode}, such as {@code {_source:1,_seq:1}} or {@code {_source:1,barcode:1}}) is built in memory
 * ({@link SequenceIndex}); no other is (mongo-java-server has none; queries on it scan, and the read model's other
 * hot paths use the primary or unique indexes). That is a property of the embedded server, not of the user's data, so it is noted at debug level
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
