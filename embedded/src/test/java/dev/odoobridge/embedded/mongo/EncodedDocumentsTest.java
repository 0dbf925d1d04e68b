package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/** The encoded documents kept for in-process readers: bytes as the server encodes them, within the store's budget. */
class EncodedDocumentsTest {
    private static Document doc(long id, int padding) {
        return new Document("_id", "shop:" + id).append("_source", "shop").append("_odoo_id", id).append("name", "x".repeat(padding));
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Test
    void keepsTheServersEncodingAndForgetsWhatIsWritten() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(1 << 20);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        Document d = doc(1, 10);
        assertThat(bytes(encoded.get("shop:1", p -> d))).isEqualTo(EncodedDocuments.encode(d));
        assertThat(bytes(encoded.cached("shop:1"))).isEqualTo(EncodedDocuments.encode(d));
        assertThat(bytes(encoded.get("shop:1", p -> doc(1, 99)))).as("kept: the collection forgets a position before it changes")
                .isEqualTo(EncodedDocuments.encode(d));
        assertThat(budget.used()).as("one first slab").isEqualTo(encoded.used()).isEqualTo(EncodedDocuments.FIRST_SLAB_BYTES);
        encoded.forget("shop:1");
        assertThat(encoded.cached("shop:1")).isNull();
        assertThat(budget.used()).as("a slab with nothing live is given up").isZero();
        encoded.forget("shop:1");
        assertThat(budget.used()).isZero();
        assertThat(encoded.get("shop:2", p -> null)).as("nothing stored there").isNull();
        assertThat(encoded.cached("shop:2")).isNull();
    }

    @Test
    void documentsHandedOutStayIntactWhileTheirSlabIsRewritten() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(4_000);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        encoded.get("a", p -> doc(1, 100));
        RawBsonDocument handedOut = encoded.cached("a");
        for (long id = 2; id < 200; id++) {
            Document stored = doc(id, 100);
            encoded.get("x" + id, p -> stored); // fills the budget again and again: slabs are given up
            encoded.forget("x" + (id - 1));
        }
        assertThat(encoded.cached("a")).as("given up with its slab").isNull();
        assertThat(bytes(handedOut)).isEqualTo(EncodedDocuments.encode(doc(1, 100)));
        assertThat(budget.used()).isLessThanOrEqualTo(4_000);
    }

    @Test
    void keptDocumentsAreFoundAfterManyWritesAndGivingUp() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(200_000);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        Random random = new Random(7);
        Map<String, Integer> stored = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String position = "p" + random.nextInt(3_000);
            if (random.nextInt(4) == 0) {
                encoded.forget(position);
                stored.put(position, random.nextInt(300));
            } else {
                int padding = stored.computeIfAbsent(position, k -> random.nextInt(300));
                RawBsonDocument read = encoded.get(position, p -> doc(p.hashCode(), padding));
                assertThat(bytes(read)).isEqualTo(EncodedDocuments.encode(doc(position.hashCode(), padding)));
            }
            assertThat(budget.used()).isEqualTo(encoded.used()).isLessThanOrEqualTo(200_000);
        }
        assertThat(encoded.size()).isGreaterThan(100);
    }

    @Test
    void collectionsShareTheBudgetAndGiveUpTheirOwnEntries() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(10_000);
        EncodedDocuments<Object> first = new EncodedDocuments<>(() -> budget);
        EncodedDocuments<Object> second = new EncodedDocuments<>(() -> budget);
        for (long id = 0; id < 100; id++) {
            Document stored = doc(id, 100);
            first.get("a" + id, p -> stored);
        }
        assertThat(budget.used()).isLessThanOrEqualTo(10_000).isEqualTo(first.used());
        assertThat(first.size()).isBetween(25, 70);
        assertThat(first.cached("a99")).as("the latest kept").isNotNull();
        assertThat(bytes(second.get("b", p -> doc(1, 100)))).isEqualTo(EncodedDocuments.encode(doc(1, 100)));
        assertThat(second.cached("b")).as("no room: the other collection holds the budget").isNull();
        first.clear();
        assertThat(budget.used()).isZero();
        assertThat(first.size()).isZero();
        second.get("b", p -> doc(1, 100));
        assertThat(second.cached("b")).isNotNull();
        assertThat(budget.used()).isEqualTo(second.used());
    }

    @Test
    void aWarmUpOffersWithoutGivingUpEntries() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(10_000);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        int kept = 0;
        while (encoded.offer("a" + kept, doc(kept, 100))) {
            kept++;
        }
        assertThat(kept).isEqualTo(encoded.size()).isGreaterThan(10);
        assertThat(encoded.cached("a0")).as("nothing given up").isNotNull();
        assertThat(encoded.offer("a0", doc(0, 100))).as("already kept").isTrue();
        assertThat(budget.used()).isLessThanOrEqualTo(10_000);
        assertThat(new EncodedDocuments<Object>(() -> new EncodedDocuments.Budget(0)).offer("x", doc(1, 1))).isFalse();
    }

    @Test
    void aBudgetOfZeroKeepsNothingAndADocumentLargerThanASlabIsNotKept() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(0);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        assertThat(bytes(encoded.get("x", p -> doc(1, 1)))).isEqualTo(EncodedDocuments.encode(doc(1, 1)));
        assertThat(encoded.cached("x")).isNull();
        assertThat(budget.used()).isZero();
        EncodedDocuments.Budget small = new EncodedDocuments.Budget(500);
        EncodedDocuments<Object> tight = new EncodedDocuments<>(() -> small);
        assertThat(bytes(tight.get("big", p -> doc(1, 1_000)))).isEqualTo(EncodedDocuments.encode(doc(1, 1_000)));
        assertThat(tight.cached("big")).isNull();
        assertThat(small.used()).isZero();
    }

    @Test
    void coveredQueriesAreExactlyThoseTheIndexAnswersWhole() {
        String[] prefix = {"_source"};
        List<Document> covered = List.of(
                new Document("_source", "shop").append("_odoo_id", new Document("$gt", 5L)),
                new Document("_source", new Document("$eq", "shop")).append("_odoo_id", 7),
                new Document("$and", List.of(new Document("_source", "shop"),
                        new Document("_odoo_id", new Document("$gte", 1L).append("$lt", 9L)))),
                new Document("_source", "shop"));
        List<Document> notCovered = List.of(
                new Document("_source", "shop").append("_odoo_id", new Document("$gt", 5.5)),
                new Document("_source", "shop").append("_odoo_id", new Document("$in", List.of(1L, 2L))),
                new Document("_source", "shop").append("_odoo_id", new Document("$ne", 1L)),
                new Document("_source", "shop").append("_odoo_id", new Document()),
                new Document("_source", "shop").append("_odoo_id", new Document("a", 1L)),
                new Document("_source", new Document("$in", List.of("shop"))).append("_odoo_id", 1L),
                new Document("_source", "shop").append("name", "x"),
                new Document("_source", "shop").append("$or", List.of(new Document("_odoo_id", 1L))),
                new Document("$and", List.of()),
                new Document("$and", List.of(new Document("_source", "shop"), new Document("name", "x"))));
        for (Document q : covered) {
            assertThat(SequenceRange.covers(q, prefix, "_odoo_id")).as(q.toString()).isTrue();
        }
        for (Document q : notCovered) {
            assertThat(SequenceRange.covers(q, prefix, "_odoo_id")).as(q.toString()).isFalse();
        }
    }
}
