package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of this process and writers over the wire at once on the file store: a write, once acknowledged, is what
 * every later in-process read returns (the kept encodings never outlive it), and pages read meanwhile stay well
 * formed (in order, in the source, no document twice).
 */
class ConcurrentInProcessReadsTest {
    private static final String DB = "odoo_bridge";
    private static final String COLLECTION = "product_product";
    private static final int PRODUCTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void aWriteOnceAcknowledgedIsWhatEveryLaterReadReturns() throws Exception {
        try (RunningStore store = EmbeddedMongoServer.inDirectory(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            StoreReads reads = StoreReads.inProcess(store.connectionString()).orElseThrow();
            MongoCollection<Document> products = client.getDatabase(DB).getCollection(COLLECTION);
            products.createIndex(Indexes.ascending("_source", "_odoo_id"));
            List<Document> docs = new ArrayList<>();
            for (long id = 1; id <= PRODUCTS; id++) {
                docs.add(new Document("_id", "shop:" + id).append("_source", "shop").append("_odoo_id", id)
                        .append("version", 0L).append("name", "Product " + id));
            }
            products.insertMany(docs);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong pagesRead = new AtomicLong();
            AtomicLong writesChecked = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        long after = 0;
                        List<Long> seen = new ArrayList<>();
                        while (true) {
                            List<RawBsonDocument> page = reads.find(DB, COLLECTION, bson(Filters.and(Filters.eq("_source", "shop"),
                                    Filters.gt("_odoo_id", after))), bson(Sorts.ascending("_odoo_id")), 97);
                            if (page.isEmpty()) {
                                break;
                            }
                            for (RawBsonDocument d : page) {
                                long id = d.getInt64("_odoo_id").getValue();
                                assertThat(d.getString("_source").getValue()).isEqualTo("shop");
                                assertThat(id).isGreaterThan(after);
                                seen.add(id);
                                after = id;
                            }
                            pagesRead.incrementAndGet();
                        }
                        assertThat(seen).doesNotHaveDuplicates().hasSize(PRODUCTS);
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 2; w++) {
                int seed = w;
                running.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    long version = seed * 1_000_000L;
                    while (!stop.get()) {
                        long id = 1 + random.nextInt(PRODUCTS);
                        version++;
                        products.updateOne(Filters.eq("_id", "shop:" + id), Updates.set("version", version));
                        List<RawBsonDocument> byId = reads.find(DB, COLLECTION, bson(Filters.eq("_id", "shop:" + id)),
                                new BsonDocument(), 1);
                        List<RawBsonDocument> inPage = reads.find(DB, COLLECTION, bson(Filters.and(Filters.eq("_source", "shop"),
                                Filters.gte("_odoo_id", id), Filters.lte("_odoo_id", id))), bson(Sorts.ascending("_odoo_id")), 0);
                        // the other writer never touches the same version numbers, and this one wrote this version last
                        long now = byId.get(0).getInt64("version").getValue();
                        long paged = inPage.get(0).getInt64("version").getValue();
                        assertThat(now == version || now / 1_000_000L != seed).as("by _id after its write").isTrue();
                        assertThat(paged == version || paged / 1_000_000L != seed).as("in a page after its write").isTrue();
                        writesChecked.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(3_000);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(pagesRead.get()).isGreaterThan(20);
            assertThat(writesChecked.get()).isGreaterThan(20);
            // at rest, every document read in process is byte for byte the one the find command returns
            List<RawBsonDocument> wire = products.withDocumentClass(RawBsonDocument.class).find(Filters.eq("_source", "shop"))
                    .sort(Sorts.ascending("_odoo_id")).into(new ArrayList<>());
            List<RawBsonDocument> direct = reads.find(DB, COLLECTION, bson(Filters.eq("_source", "shop")),
                    bson(Sorts.ascending("_odoo_id")), 0);
            assertThat(direct).isEqualTo(wire);
            for (long id = 1; id <= PRODUCTS; id += 37) {
                assertThat(reads.find(DB, COLLECTION, bson(Filters.eq("_id", "shop:" + id)), new BsonDocument(), 1))
                        .isEqualTo(products.withDocumentClass(RawBsonDocument.class).find(Filters.eq("_id", "shop:" + id))
                                .into(new ArrayList<>()));
            }
        }
    }

    private static BsonDocument bson(Bson b) {
        return b.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
