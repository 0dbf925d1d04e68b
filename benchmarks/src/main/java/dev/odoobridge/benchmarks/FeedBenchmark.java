package dev.odoobridge.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.feed.ChangeSequence;
import dev.odoobridge.feed.Feed;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedScope;
import dev.odoobridge.feed.FeedTables;
import dev.odoobridge.feed.Feeds;
import dev.odoobridge.feed.PullPage;
import dev.odoobridge.feed.PullRequest;
import dev.odoobridge.feed.PushResult;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The offline-sync feed on the embedded store: a first pull of N products (all pages; time and the server's heap
 * peak), a pull of 100 changes among M records (p50 / p99), and a push of 100 offline orders through FakeOdoo (time
 * and Odoo calls). Each with its baseline in the same run: the same documents read straight from the collection
 * with the driver, and the same orders created with one bare client call each.
 *
 * <p>Documents are written in the read model's shape (with {@code _seq} and the indexes the change log declares)
 * by bulk inserts, not through the sync, so the set-up stays short; the sequence is a counter.
 */
final class FeedBenchmark {
    private static final String SOURCE = "bench";

    private FeedBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int firstPull = args.integer("products", 100_000);
        int records = args.integer("records", 1_000_000);
        int changes = args.integer("changes", 100);
        int runs = args.integer("runs", 20);
        int pageSize = args.integer("page", FeedConfig.DEFAULT_PAGE_SIZE);
        int orders = args.integer("orders", 100);
        Path work = Files.createTempDirectory("odoo-bridge-feed");
        try (EmbeddedStore store = ReadModels.serve(work.resolve("mongo"));
             MongoClient mongo = MongoClients.create(store.connectionString())) {
            AtomicLong seq = new AtomicLong();
            MongoCollection<Document> products = mongo.getDatabase("odoo_bridge").getCollection("product_product");
            products.createIndex(Indexes.ascending("_source", "_seq"));
            mongo.getDatabase("odoo_bridge").getCollection("_tombstones").createIndex(Indexes.ascending("coll", "_source", "_seq"));
            mongo.getDatabase("odoo_bridge").getCollection("product_stock").createIndex(Indexes.ascending("_source", "_seq"));
            ChangeSequence sequence = ChangeSequence.of(seq::get, () -> 0);
            FeedConfig config = FeedConfig.builder().readModel(store.connectionString(), "odoo_bridge").sequence(sequence)
                    .tables(List.of(FeedTables.products())).pageSize(pageSize).build();
            FeedScope scope = FeedScope.source(SOURCE);
            try (Feed feed = Feeds.create(config)) {
                load(products, seq, 1, firstPull);
                out.printf("first pull of %,d products (page %,d):%n", firstPull, config.pageSize());
                for (int round = 0; round < 2; round++) {
                    long t0 = System.nanoTime();
                    long read = 0;
                    try (MongoCursor<Document> c = products.find(Filters.eq("_source", SOURCE)).sort(Sorts.ascending("_seq"))
                            .batchSize(1000).iterator()) {
                        while (c.hasNext()) {
                            c.next();
                            read++;
                        }
                    }
                    long baseline = System.nanoTime() - t0;
                    resetPeaks();
                    long before = usedHeap();
                    t0 = System.nanoTime();
                    long rows = 0;
                    int pages = 0;
                    PullPage page = feed.pull(scope, PullRequest.first());
                    while (true) {
                        pages++;
                        rows += page.changes().get("products").created().size() + page.changes().get("products").updated().size();
                        if (!page.hasMore()) {
                            break;
                        }
                        page = feed.pull(scope, PullRequest.after(page.timestamp()));
                    }
                    long took = System.nanoTime() - t0;
                    out.printf("  round %d: feed %,d rows in %d pages %.0f ms (heap peak %+,d MiB over %,d MiB before);"
                            + " baseline driver read of %,d documents %.0f ms%n", round + 1, rows, pages, took / 1e6,
                            (peakHeap() - before) >> 20, before >> 20, read, baseline / 1e6);
                }
                load(products, seq, firstPull + 1, records - firstPull);
                Random random = new Random(42);
                long last = seq.get() + 1;
                for (int i = 0; i < changes; i++) {
                    long id = 1 + random.nextInt(records);
                    products.updateOne(Filters.eq("_id", SOURCE + ":" + id),
                            Updates.combine(Updates.set("_seq", seq.incrementAndGet()), Updates.set("list_price", i)));
                }
                long[] feedTimes = new long[runs];
                long[] baseTimes = new long[runs];
                for (int r = -2; r < runs; r++) {
                    long t0 = System.nanoTime();
                    PullPage page = feed.pull(scope, PullRequest.after(last));
                    long t1 = System.nanoTime();
                    int n = 0;
                    for (Document d : products.find(Filters.and(Filters.eq("_source", SOURCE), Filters.gt("_seq", last - 1)))
                            .sort(Sorts.ascending("_seq"))) {
                        n++;
                    }
                    long t2 = System.nanoTime();
                    if (page.changes().get("products").updated().size() != changes || n != changes) {
                        throw new IllegalStateException("expected " + changes + " changes, feed gave "
                                + page.changes().get("products").updated().size() + ", driver " + n);
                    }
                    if (r >= 0) {
                        feedTimes[r] = t1 - t0;
                        baseTimes[r] = t2 - t1;
                    }
                }
                out.printf("pull of %d changes among %,d records (%d runs): feed p50 %.2f ms, p99 %.2f ms; baseline driver "
                        + "query p50 %.2f ms, p99 %.2f ms%n", changes, records, runs, pct(feedTimes, 50), pct(feedTimes, 99),
                        pct(baseTimes, 50), pct(baseTimes, 99));
            }
            push(work, store, orders, out);
        }
    }

    private static void push(Path work, EmbeddedStore store, int orders, PrintStream out) throws Exception {
        AtomicLong calls = new AtomicLong();
        OdooClientListener counting = new OdooClientListener() {
            @Override
            public void requestStarted(CallInfo call) {
                calls.incrementAndGet();
            }
        };
        try (FakeOdoo fake = FakeOdoo.builder().products(50).build().start();
             StateDatabase state = StateDatabase.embedded(work.resolve("state"))) {
            OdooConfig base = fake.config(Transport.JSON2, FakeOdoo.ADMIN);
            OdooClient odoo = OdooClients.create(base.toBuilder().listener(counting).build());
            long product = odoo.model("product.product").search(Domains.eq("sale_ok", true), SearchOptions.DEFAULT.limit(1)).get(0);
            long partner = odoo.model("res.partner").search(Domains.all(), SearchOptions.DEFAULT.limit(1)).get(0);
            FeedConfig config = FeedConfig.builder().readModel(store.connectionString(), "odoo_bridge")
                    .sequence(ChangeSequence.of(() -> 0, () -> 0)).source(SOURCE, odoo).stateDatabase(state)
                    .resync((s, m, ids) -> { }).build();
            try (Feed feed = Feeds.create(config)) {
                StringBuilder json = new StringBuilder("{\"sale_orders\": {\"created\": [");
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < orders; i++) {
                    json.append(i == 0 ? "" : ",").append("{\"id\": \"o").append(i).append("\", \"partner_id\": \"")
                            .append(partner).append("\"}");
                    lines.append(i == 0 ? "" : ",").append("{\"id\": \"l").append(i).append("\", \"order_id\": \"o")
                            .append(i).append("\", \"product_id\": \"").append(product)
                            .append("\", \"product_uom_qty\": 2, \"price_unit\": 3.5}");
                }
                json.append("], \"updated\": [], \"deleted\": []}, \"sale_order_lines\": {\"created\": [").append(lines)
                        .append("], \"updated\": [], \"deleted\": []}}");
                byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
                calls.set(0);
                long t0 = System.nanoTime();
                PushResult result = feed.push(FeedScope.source(SOURCE), 1, feed.parseChanges(body));
                long took = System.nanoTime() - t0;
                long feedCalls = calls.get();
                calls.set(0);
                long t1 = System.nanoTime();
                for (int i = 0; i < orders; i++) {
                    odoo.model("sale.order").create(java.util.Map.of("partner_id", partner, "order_line",
                            List.of(List.of(0, 0, java.util.Map.of("product_id", product, "product_uom_qty", 2, "price_unit", 3.5)))));
                }
                long bare = System.nanoTime() - t1;
                out.printf("push of %d orders with a line each: %.0f ms, %d Odoo calls, %d rejected (re-sync not counted); "
                        + "baseline bare creates %.0f ms, %d calls%n", orders, took / 1e6, feedCalls,
                        result.rejected().values().stream().mapToInt(java.util.Map::size).sum(), bare / 1e6, calls.get());
                calls.set(0);
                t0 = System.nanoTime();
                feed.push(FeedScope.source(SOURCE), 1, feed.parseChanges(body));
                out.printf("the same push retried: %.0f ms, %d Odoo calls%n", (System.nanoTime() - t0) / 1e6, calls.get());
            }
            odoo.close();
        }
    }

    private static void load(MongoCollection<Document> products, AtomicLong seq, int from, int count) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = from + i;
            batch.add(new Document("_id", SOURCE + ":" + id).append("_source", SOURCE).append("_odoo_id", id)
                    .append("_seq", seq.incrementAndGet()).append("_write_date", new Date())
                    .append("name", "Product " + id).append("default_code", "P" + id).append("barcode", "40" + id)
                    .append("list_price", (id % 97) + 0.5).append("active", true));
            if (batch.size() == 5_000) {
                products.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            products.insertMany(batch);
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
