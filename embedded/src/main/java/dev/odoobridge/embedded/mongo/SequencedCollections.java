package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;
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
    private static final String ID = "_id";

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
     * A read of this process ({@link InProcessQueries#findEncoded}) where a sequence index gives exactly the matching
     * documents ({@link SequenceIndex#covers}) in the order asked for (one integer field it ends with; or no order and
     * one value of that field, or a string by equality on a textual one, matching at most one document), or the query
     * is a string {@code _id} alone (the unique {@code _id} index has its position): their bytes, from {@code encoded}
     * (encoded from the store and kept on a miss). Null for any other query, which runs as the {@code find} command
     * runs it ({@link #encodeAll}).
     *
     * <p>Where a document's position is its {@code _id} (the file store's collections: {@code idPosition} gives it),
     * a string {@code _id} query needs no index at all: the document is looked for at that position.
     *
     * <p>A query the first index able to handle it (the one the {@code find} command would use) answers exactly with one
     * value of its last field (a product's lots by {@code _source} and {@code product_id}), sorted otherwise than that
     * index orders: its few documents come from {@code encoded} and are sorted as the command sorts them (by
     * {@code comparator}, the collection's own, on the documents decoded as the store decodes them; a stable sort of
     * the index's order, as the command's).
     *
     * @param documentAt the stored document at a position (null when there is none)
     * @param idPosition the position of the document with a string {@code _id}, or null where positions are not ids
     * @param comparator the collection's comparator for a sort (as its {@code find} derives it)
     */
    static <P> List<RawBsonDocument> findExact(List<Index<P>> indexes, Document query, Document orderBy, int limit,
                                      EncodedDocuments<P> encoded, Function<P, Document> documentAt,
                                      Function<String, P> idPosition, Function<Document, Comparator<Document>> comparator) {
        if (idPosition != null && (orderBy == null || orderBy.isEmpty()) && query.size() == 1
                && query.get(ID) instanceof String id) {
            RawBsonDocument document = encoded.get(idPosition.apply(id), documentAt);
            return document == null ? List.of() : List.of(document);
        }
        List<RawBsonDocument> sorted = oneValueSorted(indexes, query, orderBy, limit, encoded, documentAt, comparator);
        if (sorted != null) {
            return sorted;
        }
        List<P> positions = exactPositions(indexes, query, orderBy, limit);
        if (positions == null) {
            return null;
        }
        List<RawBsonDocument> out = new ArrayList<>(positions.size());
        for (P position : positions) {
            RawBsonDocument document = encoded.get(position, documentAt);
            if (document == null) {
                return null; // the index names a position the data no longer has: answer the long way
            }
            out.add(document);
        }
        return out;
    }

    /** The {@link #findExact} case of one value of an index's last field in another order; null when not that. */
    private static <P> List<RawBsonDocument> oneValueSorted(List<Index<P>> indexes, Document query, Document orderBy,
                                                            int limit, EncodedDocuments<P> encoded,
                                                            Function<P, Document> documentAt,
                                                            Function<Document, Comparator<Document>> comparator) {
        if (orderBy == null || orderBy.isEmpty() || comparator == null) {
            return null;
        }
        SequenceIndex<P> index = null;
        for (Index<P> candidate : indexes) {
            if (candidate.canHandle(query)) {
                index = candidate instanceof SequenceIndex<P> sequence && sequence.coversOneValue(query) ? sequence : null;
                break;
            }
        }
        Comparator<Document> order = index == null ? null : comparator.apply(orderBy);
        if (order == null) {
            return null;
        }
        List<Map.Entry<Document, RawBsonDocument>> found = new ArrayList<>();
        for (P position : index.getPositions(query)) {
            RawBsonDocument document = encoded.get(position, documentAt);
            if (document == null) {
                return null; // the index names a position the data no longer has: answer the long way
            }
            found.add(Map.entry(EncodedDocuments.decode(document), document));
        }
        found.sort(Map.Entry.comparingByKey(order));
        List<RawBsonDocument> out = new ArrayList<>(found.size());
        for (Map.Entry<Document, RawBsonDocument> e : found) {
            if (limit > 0 && out.size() == limit) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    /** The documents encoded as the server writes them into a reply (not kept). */
    static List<RawBsonDocument> encodeAll(List<Document> documents) {
        List<RawBsonDocument> out = new ArrayList<>(documents.size());
        for (Document d : documents) {
            out.add(new RawBsonDocument(EncodedDocuments.encode(d)));
        }
        return out;
    }

    /** The positions of exactly the query's matches in the order asked for, at most {@code limit}; or null. */
    private static <P> List<P> exactPositions(List<Index<P>> indexes, Document query, Document orderBy, int limit) {
        Iterable<P> ordered = null;
        boolean oneValue = orderBy == null || orderBy.isEmpty();
        if (oneValue && query.size() == 1 && query.get(ID) instanceof String id) {
            // one document by its string _id (the read model's keys): the unique _id index has its position
            for (Index<P> index : indexes) {
                if (index.isUnique() && index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey())) {
                    P position = index.getPosition(new Document(ID, id));
                    return position == null ? List.of() : List.of(position);
                }
            }
            return null;
        }
        if (oneValue) {
            for (Index<P> index : indexes) {
                if (index instanceof SequenceIndex<P> sequence) {
                    ordered = sequence.coversOneValue(query) ? sequence.ordered(query, true)
                            : sequence.coversText(query) ? sequence.getPositions(query) : null;
                    if (ordered != null) {
                        break;
                    }
                }
            }
        } else if (orderBy.size() == 1) {
            String field = orderBy.keySet().iterator().next();
            if (orderBy.get(field) instanceof Number direction) {
                for (Index<P> index : indexes) {
                    if (index instanceof SequenceIndex<P> sequence && sequence.lastField().equals(field)
                            && sequence.covers(query)) {
                        ordered = sequence.ordered(query, direction.intValue() >= 0);
                        break;
                    }
                }
            }
        }
        if (ordered == null) {
            return null;
        }
        List<P> positions = new ArrayList<>();
        for (P position : ordered) {
            if (oneValue && !positions.isEmpty()) {
                return null; // without a sort, several matches come in the store's natural order: the long way
            }
            if (limit > 0 && positions.size() == limit) {
                break;
            }
            positions.add(position);
        }
        return positions;
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
