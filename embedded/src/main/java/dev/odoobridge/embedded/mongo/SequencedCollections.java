package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded store's collections add to mongo-java-server's for {@link SequenceIndex}es.
 *
 * <p>mongo-java-server answers a query from the first index that can handle it, but then sorts every match before it
 * applies the limit ({@code Stream.sorted} collects the whole stream). A query sorted by {@code _seq} alone that a
 * sequence index answers is already in order: the collections pass the index's positions in that order with no
 * sort, so the limit stops the read after {@code k} documents. Every other query goes the library's way.
 *
 * <p>A new sequence index is filled with one pass over the documents instead of the library's two (a check pass and
 * an add pass, each reading every document); that is what happens for each such index when the file store opens.
 */
final class SequencedCollections {
    private static final Logger LOG = LoggerFactory.getLogger(SequencedCollections.class);

    private SequencedCollections() {
    }

    /**
     * The positions of the candidates for the query in the order asked for, or null when no index gives that order
     * (the sort is not exactly one integer field an index ends with, such as {@code {_seq: 1}} or
     * {@code {_odoo_id: -1}}, or no such index can handle the query).
     */
    static <P> Iterable<P> inSequenceOrder(List<Index<P>> indexes, Document query, Document orderBy) {
        if (orderBy == null || orderBy.size() != 1) {
            return null;
        }
        String field = orderBy.keySet().iterator().next();
        if (!(orderBy.get(field) instanceof Number direction)) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index instanceof SequenceIndex<P> sequence && sequence.lastField().equals(field) && sequence.canOrder(query)) {
                return sequence.ordered(query, direction.intValue() >= 0);
            }
        }
        return null;
    }

    /**
     * Fills a new, empty sequence index from the documents in one pass, unless the collection already has an index
     * of that name (the library then keeps the existing one).
     */
    static <P> void fill(String collection, Index<P> index, List<Index<P>> existing,
                         Supplier<Stream<DocumentWithPosition<P>>> documents) {
        if (!(index instanceof SequenceIndex<P>) || !index.isEmpty()) {
            return;
        }
        for (Index<P> i : existing) {
            if (i.getName().equals(index.getName())) {
                return;
            }
        }
        long start = System.nanoTime();
        try (Stream<DocumentWithPosition<P>> all = documents.get()) {
            all.forEach(d -> index.add(d.getDocument(), d.getPosition(), null));
        }
        if (!index.isEmpty()) {
            LOG.info("embedded store: index {} on {} built from {} documents in {} ms", index.getName(), collection,
                    index.getCount(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
