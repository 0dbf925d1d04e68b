package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.FALSE;
import static dev.odoobridge.readmodel.OdooRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The change sequence and tombstones as one writer sees them, with the embedded server's default guard
 * (read then write); {@link ConditionalFilterChangeLogTest} runs the same with the filter guard.
 */
class ChangeLogTest {
    private static final Instant F1 = Instant.parse("2026-11-21T19:20:00Z");
    private static final Instant F2 = Instant.parse("2026-11-21T19:30:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().guardStrategy(strategy()).build(),
            clock);
    private final Projector projector = model.projector();
    private final ChangeLog changes = model.changes();
    private final MongoClient client = MongoClients.create(uri(model));
    private final MongoDatabase db = client.getDatabase("odoo_bridge");

    GuardStrategy strategy() {
        return GuardStrategy.AUTO;
    }

    @AfterEach
    void close() {
        client.close();
        model.close();
    }

    @Test
    void everyWrittenDocumentGetsAHigherSequenceThanEverythingSafeBefore() {
        assertThat(changes.safeSequence()).isZero();
        projector.apply("shop", "product.product", products(1, 50, "a"), F1);
        long firstSafe = changes.safeSequence();
        Map<String, Long> first = sequences("product_product");
        assertThat(first).hasSize(50);
        assertThat(first.values()).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isPositive().isLessThanOrEqualTo(firstSafe));
        // the stock view's documents carry sequences too
        assertThat(sequences("product_stock")).hasSize(50).allSatisfy((id, s) -> assertThat(s).isLessThanOrEqualTo(firstSafe));

        projector.apply("shop", "product.product", products(51, 100, "a"), F1);
        Map<String, Long> second = sequences("product_product");
        second.keySet().removeAll(first.keySet());
        assertThat(second).hasSize(50).allSatisfy((id, s) -> assertThat(s).isGreaterThan(firstSafe));
        assertThat(changes.safeSequence()).isGreaterThanOrEqualTo(second.values().stream().mapToLong(Long::longValue).max()
                .orElseThrow());
    }

    @Test
    void staleRecordsAndUnchangedRewritesKeepTheStoredSequence() {
        projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "Ann")), F1);
        long seq = seq("res.partner", 1);

        // the same content read again later: no change for a reader
        projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "Ann")), F2);
        assertThat(seq("res.partner", 1)).isEqualTo(seq);
        assertThat(projector.find("shop", "res.partner", 1).orElseThrow().get("_fetched_at")).isEqualTo(F2);

        // an older version is skipped by the guard and changes nothing, sequence included
        ApplyResult stale = projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:00:00", "Old")), F2);
        assertThat(stale.skippedStale()).isEqualTo(1);
        assertThat(seq("res.partner", 1)).isEqualTo(seq);

        // a change within the same second of write_date is a change
        long safe = changes.safeSequence();
        projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "Ann B.")), F2.plusSeconds(1));
        assertThat(seq("res.partner", 1)).isGreaterThan(safe);
    }

    @Test
    void deletesLeaveTombstonesAndWritingTheIdAgainRemovesThem() {
        projector.apply("shop", "product.product", products(1, 3, "a"), F1);
        long safe = changes.safeSequence();
        assertThat(projector.delete("shop", "product.product", List.of(2L, 99L))).isEqualTo(1);

        Document stone = db.getCollection(ChangeLog.TOMBSTONES).find(Filters.eq("_id", "product_product|shop:2")).first();
        assertThat(stone).isNotNull();
        assertThat(stone.get("coll")).isEqualTo("product_product");
        assertThat(stone.get("docId")).isEqualTo("shop:2");
        assertThat(stone.get("_source")).isEqualTo("shop");
        assertThat(stone.get("_seq")).isInstanceOf(Long.class);
        assertThat(stone.getLong("_seq")).isGreaterThan(safe).isLessThanOrEqualTo(changes.safeSequence());
        assertThat(stone.getDate("deletedAt")).isEqualTo(Date.from(clock.instant()));
        // the product's stock row went with it
        Document stockStone = db.getCollection(ChangeLog.TOMBSTONES).find(Filters.eq("_id", "product_stock|shop:2")).first();
        assertThat(stockStone).isNotNull();
        assertThat(stockStone.getLong("_seq")).isGreaterThan(safe);
        assertThat(db.getCollection(ChangeLog.TOMBSTONES).countDocuments(Filters.eq("docId", "shop:99"))).isZero();

        projector.apply("shop", "product.product", products(2, 2, "back"), F2);
        assertThat(db.getCollection(ChangeLog.TOMBSTONES).countDocuments()).isZero();
        assertThat(seq("product.product", 2)).isGreaterThan(stone.getLong("_seq"));
    }

    @Test
    void aResetLeavesATombstoneForEveryDocument() {
        projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "A"),
                partner(2, "2026-11-21 19:14:19", "B")), F1);
        projector.apply("other", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "C")), F1);
        assertThat(projector.deleteAll("shop", "res.partner")).isEqualTo(2);
        assertThat(tombstones()).containsOnlyKeys("res_partner|shop:1", "res_partner|shop:2");
    }

    @Test
    void purgingRaisesTheOldestRetainedSequence() {
        projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "A"),
                partner(2, "2026-11-21 19:14:19", "B"), partner(3, "2026-11-21 19:14:19", "C")), F1);
        projector.delete("shop", "res.partner", List.of(1L));
        long firstDeletion = tombstones().get("res_partner|shop:1");
        clock.advance(Duration.ofDays(20));
        projector.delete("shop", "res.partner", List.of(2L));
        assertThat(changes.oldestRetained()).isZero();

        clock.advance(Duration.ofDays(15)); // the first deletion is 35 days old, the second 15
        assertThat(changes.purgeTombstones()).isEqualTo(1);
        assertThat(tombstones()).containsOnlyKeys("res_partner|shop:2");
        assertThat(changes.oldestRetained()).isEqualTo(firstDeletion);
        assertThat(changes.purgeTombstones(Duration.ofDays(30))).isZero();

        assertThat(changes.purgeTombstones(Duration.ofDays(1))).isEqualTo(1);
        assertThat(changes.oldestRetained()).isGreaterThan(firstDeletion);
        assertThat(tombstones()).isEmpty();
    }

    @Test
    void theHorizonIsConfigurable() {
        assertThat(ReadModelConfig.builder().inMemory().build().tombstoneHorizon()).isEqualTo(Duration.ofDays(30));
        ReadModelConfig config = ReadModelConfig.builder().inMemory().tombstoneHorizon(Duration.ofDays(7)).build();
        assertThat(config.toBuilder().build().tombstoneHorizon()).isEqualTo(Duration.ofDays(7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadModelConfig.builder().tombstoneHorizon(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readersOfReportsAndViewsDoNotSeeTheBookkeeping() {
        projector.apply("shop", "stock.location", List.of(OdooRows.location(5, "WH/Stock", "internal", 1)), F1);
        projector.apply("shop", "product.product", products(1, 2, "a"), F1);
        projector.apply("shop", "stock.quant", List.of(OdooRows.quant(1, 1, 5, 4)), F1);
        projector.delete("shop", "stock.quant", List.of(1L));
        projector.apply("shop", "stock.quant", List.of(OdooRows.quant(2, 1, 5, 6)), F1);
        assertThat(model.stock().product("shop", 1)).get().satisfies(p -> assertThat(p.onHand()).isEqualTo(6.0));
        assertThat(model.reports().stockStatus(dev.odoobridge.readmodel.report.VendorScope.of("shop", List.of(70L)))).isEmpty();
    }

    private Map<String, Long> sequences(String collection) {
        Map<String, Long> out = new TreeMap<>();
        for (Document d : db.getCollection(collection).find()) {
            out.put(d.getString("_id"), d.getLong("_seq"));
        }
        return out;
    }

    private Map<String, Long> tombstones() {
        return sequences(ChangeLog.TOMBSTONES);
    }

    private long seq(String odooModel, long id) {
        return (Long) projector.find("shop", odooModel, id).orElseThrow().get("_seq");
    }

    static List<OdooRecord> products(long from, long to, String version) {
        List<OdooRecord> out = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            out.add(OdooRows.product(id, "Product " + id + " " + version));
        }
        return out;
    }

    private static OdooRecord partner(long id, String writeDate, String name) {
        return row(id, writeDate).with("name", name).with("email", FALSE).with("is_company", FALSE).with("active", true).build();
    }

    static String uri(ReadModel model) {
        String described = model.describe();
        String withDb = described.substring(0, described.indexOf(' '));
        return withDb.substring(0, withDb.lastIndexOf('/'));
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
