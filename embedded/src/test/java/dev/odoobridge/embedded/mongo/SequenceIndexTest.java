package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Index;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change sequence's indexes answer exactly what a scan of the collection answers: random inserts, replacements,
 * updates and deletes (through commands over the socket and, on the file store, the in-process writes), then random
 * {@code _seq} ranges per source, sorted either way, with and without a limit, compared with every stored document
 * filtered and sorted here; again after the file store is closed and opened.
 */
class SequenceIndexTest {
    private static final String DB = "odoo_bridge";
    private static final List<String> SOURCES = List.of("main", "shop", "eu");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fileStoreAnswersAsAScanAcrossBothWritePathsAndAReopen(long seed) {
        String file = dir.resolve("readmodel.mv").toString();
        Random random = new Random(seed);
        long[] seq = {0};
        DurableH2Backend backend = DurableH2Backend.open(file);
        try (Served s = new Served(backend)) {
            createIndexes(s.db());
            for (int round = 0; round < 6; round++) {
                writeRandomly(s.db(), backend, random, seq, 150);
                assertAnswersEqualScan(s.db(), random, seq[0], 60);
            }
            assertIndexesHoldEveryDocument(backend, s.db());
        }
        DurableH2Backend reopened = DurableH2Backend.open(file);
        try (Served s = new Served(reopened)) {
            assertIndexesHoldEveryDocument(reopened, s.db());
            assertAnswersEqualScan(s.db(), random, seq[0], 60);
            writeRandomly(s.db(), reopened, random, seq, 100);
            assertAnswersEqualScan(s.db(), random, seq[0], 60);
            assertIndexesHoldEveryDocument(reopened, s.db());
        }
    }

    @Test
    void inMemoryStoreAnswersAsAScan() {
        Random random = new Random(7);
        long[] seq = {0};
        InMemoryBackend backend = new InMemoryBackend();
        try (Served s = new Served(backend)) {
            createIndexes(s.db());
            for (int round = 0; round < 4; round++) {
                writeRandomly(s.db(), null, random, seq, 150);
                assertAnswersEqualScan(s.db(), random, seq[0], 60);
            }
            assertIndexesHoldEveryDocument(backend, s.db());
        }
    }

    @Test
    void documentsOutsideTheKeyShapeMakeQueriesScanUntilTheyAreGone() {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("readmodel.mv").toString());
        try (Served s = new Served(backend)) {
            createIndexes(s.db());
            MongoCollection<Document> items = s.db().getCollection("items");
            items.insertOne(new Document("_id", "a").append("_source", "main").append("_seq", 1L));
            items.insertOne(new Document("_id", "b").append("_source", "main").append("_seq", 2.5));
            items.insertOne(new Document("_id", "c").append("_source", "main").append("_seq", 3));
            items.insertOne(new Document("_id", "d").append("_source", "main").append("_seq", 3L)); // a shared sequence
            Bson query = Filters.and(Filters.eq("_source", "main"), Filters.gt("_seq", 1L), Filters.lte("_seq", 3L));
            assertThat(ids(items.find(query).sort(Sorts.ascending("_seq")))).startsWith("b").containsExactlyInAnyOrder("b", "c", "d");
            de.bwaldvogel.mongo.bson.Document bounded = new de.bwaldvogel.mongo.bson.Document("_source", "main")
                    .append("_seq", new de.bwaldvogel.mongo.bson.Document("$gt", 1L));
            assertThat(sequenceIndex(backend, "items").canHandle(bounded)).isFalse();
            items.deleteOne(Filters.eq("_id", "b"));
            assertThat(sequenceIndex(backend, "items").canHandle(bounded)).isTrue();
            assertThat(ids(items.find(query).sort(Sorts.ascending("_seq")))).containsExactlyInAnyOrder("c", "d");
            assertThat(ids(items.find(query).sort(Sorts.descending("_seq")).limit(1))).hasSize(1).isSubsetOf("c", "d");
        }
    }

    private static void createIndexes(MongoDatabase db) {
        db.getCollection("items").createIndex(Indexes.ascending("_source", "_seq"));
        db.getCollection("_tombstones").createIndex(Indexes.ascending("coll", "_source", "_seq"));
    }

    /** Random writes with fresh sequences; on the file store a third of the inserts and replacements run in process. */
    private static void writeRandomly(MongoDatabase db, DurableH2Backend inProcess, Random random, long[] seq, int writes) {
        MongoCollection<Document> items = db.getCollection("items");
        MongoCollection<Document> tombstones = db.getCollection("_tombstones");
        for (int i = 0; i < writes; i++) {
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String id = source + ":" + random.nextInt(120);
            Document doc = new Document("_id", id).append("_source", source).append("_seq", ++seq[0]).append("n", random.nextInt(5));
            boolean exists = items.countDocuments(Filters.eq("_id", id)) > 0;
            int op = random.nextInt(10);
            if (!exists) {
                if (inProcess != null && op < 3) {
                    assertThat(inProcess.insert(DB, "items", List.of(doc))).isEmpty();
                } else {
                    items.insertOne(doc);
                }
                tombstones.deleteOne(Filters.eq("_id", "items|" + id));
            } else if (op < 3) {
                items.deleteOne(Filters.eq("_id", id));
                tombstones.insertOne(new Document("_id", "items|" + id).append("coll", "items").append("docId", id)
                        .append("_source", source).append("_seq", ++seq[0]));
            } else if (op < 5 && inProcess != null) {
                assertThat(inProcess.replace(DB, "items", List.of(doc))).isEqualTo(1);
            } else if (op < 8) {
                items.replaceOne(Filters.eq("_id", id), doc);
            } else {
                items.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("_seq", seq[0]), Updates.inc("n", 1)));
            }
        }
    }

    private static void assertAnswersEqualScan(MongoDatabase db, Random random, long maxSeq, int queries) {
        List<Document> allItems = db.getCollection("items").find().into(new ArrayList<>());
        List<Document> allTombstones = db.getCollection("_tombstones").find().into(new ArrayList<>());
        for (int q = 0; q < queries; q++) {
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            long lo = random.nextInt((int) maxSeq + 2) - 1;
            long hi = lo + random.nextInt((int) maxSeq + 2);
            boolean ascending = random.nextBoolean();
            int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
            Bson range = random.nextBoolean() ? Filters.and(Filters.gt("_seq", lo), Filters.lte("_seq", hi)) : Filters.lte("_seq", hi);
            boolean lower = range.toBsonDocument().toJson().contains("$gt");
            Bson sort = ascending ? Sorts.ascending("_seq") : Sorts.descending("_seq");

            List<Document> expected = scan(allItems, source, null, lower ? lo : Long.MIN_VALUE, hi, ascending, limit);
            List<Document> actual = db.getCollection("items").find(Filters.and(Filters.eq("_source", source), range))
                    .sort(sort).limit(limit).into(new ArrayList<>());
            assertThat(actual).as("items of %s in (%s, %s] %s limit %s", source, lower ? lo : "-inf", hi, sort, limit)
                    .isEqualTo(expected);

            List<Document> expectedDeleted = scan(allTombstones, source, "items", lower ? lo : Long.MIN_VALUE, hi, ascending, limit);
            List<Document> actualDeleted = db.getCollection("_tombstones")
                    .find(Filters.and(Filters.eq("coll", "items"), Filters.eq("_source", source), range))
                    .sort(sort).limit(limit).into(new ArrayList<>());
            assertThat(actualDeleted).as("tombstones of %s in (%s, %s]", source, lo, hi).isEqualTo(expectedDeleted);
        }
    }

    private static List<Document> scan(List<Document> all, String source, String coll, long above, long atMost,
                                       boolean ascending, int limit) {
        Comparator<Document> bySeq = Comparator.comparingLong(d -> d.getLong("_seq"));
        List<Document> out = all.stream()
                .filter(d -> source.equals(d.get("_source")) && (coll == null || coll.equals(d.get("coll"))))
                .filter(d -> d.getLong("_seq") > above && d.getLong("_seq") <= atMost)
                .sorted(ascending ? bySeq : bySeq.reversed())
                .toList();
        return limit == 0 ? out : out.subList(0, Math.min(limit, out.size()));
    }

    private static void assertIndexesHoldEveryDocument(MongoBackend backend, MongoDatabase db) {
        assertThat(sequenceIndex(backend, "items").getCount()).isEqualTo(db.getCollection("items").countDocuments());
        assertThat(sequenceIndex(backend, "_tombstones").getCount()).isEqualTo(db.getCollection("_tombstones").countDocuments());
    }

    private static Index<?> sequenceIndex(MongoBackend backend, String collection) {
        List<? extends Index<?>> indexes = ((AbstractMongoBackend) backend).resolveDatabase(DB)
                .resolveCollection(collection, true).getIndexes();
        return indexes.stream().filter(i -> i instanceof SequenceIndex<?>).findFirst().orElseThrow();
    }

    private static List<String> ids(Iterable<Document> docs) {
        List<String> out = new ArrayList<>();
        docs.forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /** A backend served on a loopback port with a client; closing stops both and closes the backend. */
    private static final class Served implements AutoCloseable {
        private final MongoBackend backend;
        private final MongoServer server;
        private final MongoClient client;

        Served(MongoBackend backend) {
            this.backend = backend;
            this.server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        }

        MongoDatabase db() {
            return client.getDatabase(DB);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
            backend.close();
        }
    }
}
