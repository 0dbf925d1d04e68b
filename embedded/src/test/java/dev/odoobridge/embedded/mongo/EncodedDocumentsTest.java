package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoded documents kept for in-process readers: bytes as the server encodes them, within the store's budget. */
class EncodedDocumentsTest {
    private static Document doc(long id, int padding) {
        return new Document("_id", "shop:" + id).append("_source", "shop").append("_odoo_id", id).append("name", "x".repeat(padding));
    }

    @Test
    void keepsTheServersEncodingAndForgetsWhatIsWritten() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(1 << 20);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        Document d = doc(1, 10);
        byte[] bytes = encoded.get("shop:1", p -> d);
        assertThat(bytes).isEqualTo(EncodedDocuments.encode(d));
        assertThat(encoded.cached("shop:1")).isSameAs(bytes);
        assertThat(encoded.get("shop:1", p -> doc(1, 99))).as("kept: the collection forgets a position before it changes")
                .isSameAs(bytes);
        assertThat(budget.used()).isEqualTo(encoded.used()).isGreaterThan(bytes.length);
        encoded.forget("shop:1");
        assertThat(encoded.cached("shop:1")).isNull();
        assertThat(budget.used()).isZero();
        encoded.forget("shop:1");
        assertThat(budget.used()).isZero();
        assertThat(encoded.get("shop:2", p -> null)).as("nothing stored there").isNull();
        assertThat(encoded.cached("shop:2")).isNull();
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
        assertThat(first.size()).isBetween(25, 60);
        byte[] unkept = second.get("b", p -> doc(1, 100));
        assertThat(unkept).isEqualTo(EncodedDocuments.encode(doc(1, 100)));
        assertThat(second.cached("b")).as("no room: the other collection holds the budget").isNull();
        first.clear();
        assertThat(budget.used()).isZero();
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
    void aBudgetOfZeroKeepsNothing() {
        EncodedDocuments.Budget budget = new EncodedDocuments.Budget(0);
        EncodedDocuments<Object> encoded = new EncodedDocuments<>(() -> budget);
        assertThat(encoded.get("x", p -> doc(1, 1))).isEqualTo(EncodedDocuments.encode(doc(1, 1)));
        assertThat(encoded.cached("x")).isNull();
        assertThat(budget.used()).isZero();
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
