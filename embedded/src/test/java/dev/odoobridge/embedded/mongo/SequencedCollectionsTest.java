package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which queries the collections read in a sequence index's order: the feed's shapes (flat, and with {@code $and} as
 * the driver renders {@code Filters.and}) sorted by {@code _seq} either way; not other sorts, nor queries that leave a
 * prefix field open.
 */
class SequencedCollectionsTest {
    private final SequenceIndex<Integer> bySource = SequenceIndex.of("source_seq",
            List.of(new IndexKey("_source", true), new IndexKey("_seq", true)));
    private final SequenceIndex<Integer> tombstones = SequenceIndex.of("coll_source_seq",
            List.of(new IndexKey("coll", true), new IndexKey("_source", true), new IndexKey("_seq", true)));
    private final List<Index<Integer>> indexes = List.of(bySource);

    SequencedCollectionsTest() {
        for (int i = 1; i <= 10; i++) {
            bySource.add(new Document("_id", "main:" + i).append("_source", i % 2 == 0 ? "main" : "shop").append("_seq", (long) i), i, null);
            tombstones.add(new Document("_id", "p|" + i).append("coll", i % 3 == 0 ? "p" : "q").append("_source", "main")
                    .append("_seq", (long) (100 - i)), i, null);
        }
    }

    @Test
    void theFeedsQueriesAreReadInSequenceOrder() {
        Document flat = new Document("_source", "main").append("_seq", new Document("$gt", 2L).append("$lte", 8L));
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, flat, new Document("_seq", 1)))).containsExactly(4, 6, 8);
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, flat, new Document("_seq", -1)))).containsExactly(8, 6, 4);

        Document and = new Document("$and", List.of(new Document("_source", new Document("$eq", "main")),
                new Document("$and", List.of(new Document("_seq", new Document("$gt", 2)), new Document("_seq", new Document("$lte", 8L))))));
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, and, new Document("_seq", 1)))).containsExactly(4, 6, 8);

        Document firstPull = new Document("_source", "shop").append("_seq", new Document("$lte", 5L));
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, firstPull, new Document("_seq", 1)))).containsExactly(1, 3, 5);

        Document deleted = new Document("$and", List.of(new Document("coll", "p"), new Document("_source", "main"),
                new Document("_seq", new Document("$gt", 90L))));
        assertThat(positions(SequencedCollections.inSequenceOrder(List.<Index<Integer>>of(tombstones), deleted, new Document("_seq", 1))))
                .containsExactly(9, 6, 3);
    }

    @Test
    void otherSortsAndOpenPrefixesAreLeftToTheLibrary() {
        Document query = new Document("_source", "main");
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, query, new Document("_seq", 1)))).containsExactly(2, 4, 6, 8, 10);
        assertThat(bySource.canHandle(query)).as("a source alone, unsorted, scans").isFalse();
        assertThat(bySource.canHandle(new Document("_source", "main").append("_seq", new Document("$gte", 3L)))).isTrue();
        assertThat(SequencedCollections.inSequenceOrder(indexes, query, new Document("_seq", 1).append("_id", 1))).isNull();
        assertThat(SequencedCollections.inSequenceOrder(indexes, query, new Document("_id", 1))).isNull();
        assertThat(SequencedCollections.inSequenceOrder(indexes, query, null)).isNull();
        Document open = new Document("_seq", new Document("$gt", 2L));
        assertThat(SequencedCollections.inSequenceOrder(indexes, open, new Document("_seq", 1))).isNull();
        Document in = new Document("_source", new Document("$in", List.of("main", "shop")));
        assertThat(SequencedCollections.inSequenceOrder(indexes, in, new Document("_seq", 1))).isNull();
        Document conflicting = new Document("$and", List.of(new Document("_source", "main"), new Document("_source", "shop")));
        assertThat(bySource.canHandle(conflicting)).isFalse();
    }

    @Test
    void anEmptyRangeReadsNothing() {
        Document query = new Document("_source", "main").append("_seq", new Document("$gt", 8L).append("$lt", 9L));
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, query, new Document("_seq", 1)))).isEmpty();
        Document beyond = new Document("_source", "main").append("_seq", new Document("$gt", Long.MAX_VALUE));
        assertThat(positions(SequencedCollections.inSequenceOrder(indexes, beyond, new Document("_seq", 1)))).isEmpty();
    }

    private static List<Integer> positions(Iterable<Integer> positions) {
        assertThat(positions).isNotNull();
        List<Integer> out = new ArrayList<>();
        positions.forEach(out::add);
        return out;
    }
}
