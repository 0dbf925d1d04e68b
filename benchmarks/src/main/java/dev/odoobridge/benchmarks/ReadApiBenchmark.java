package dev.odoobridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.CreatedApiKey;
import dev.odoobridge.access.NewApiKey;
import dev.odoobridge.access.RateLimit;
import dev.odoobridge.access.RateLimiter;
import dev.odoobridge.api.ReadApi;
import dev.odoobridge.api.barcode.Gtin;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.serve.Schedule;
import dev.odoobridge.serve.Serve;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.ServingPace;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The read API on the embedded store against Odoo itself: N products (default 100,000) bulk-inserted in the read
 * model's shape (product documents as the projector writes them, with their stock view; two lots for one product in
 * five), the API served by
 * {@code serve} on a loopback port behind an API key, and an {@link OpenLoop} load at fixed rates for one product by
 * id, a page of 100 products (keyset cursors walked once through {@code next} beforehand) and a barcode lookup,
 * sent by {@link PacedSender} from a child JVM ({@code --sender in-process}: the JDK HttpClient in this process).
 * Beside it, in the same run, the same reads made directly to FakeOdoo paced like Odoo 19 ({@code read} of one
 * product, {@code search_read} of 100 after an id), which is what an app without odoo-bridge would call. Odoo runs
 * a shorter while ({@code --odoo-seconds}): at rates beyond what its workers serve, its queue grows without bound,
 * and every request still waits its turn.
 */
final class ReadApiBenchmark {
    private static final String SOURCE = "bench";
    private static final String DB = "odoo_bridge";
    private static final List<String> ODOO_FIELDS = List.of("name", "default_code", "barcode", "list_price", "categ_id",
            "product_tmpl_id", "active");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every this many products has two lots (one expired, one not). */
    private static final int LOTS_EVERY = 5;

    private ReadApiBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int products = args.integer("products", 100_000);
        List<Double> rates = new ArrayList<>();
        for (String r : args.string("rates", "200,1000").split(",")) {
            rates.add(Double.parseDouble(r.trim()));
        }
        double seconds = args.integer("seconds", 10);
        double odooSeconds = args.integer("odoo-seconds", 3);
        int threads = args.integer("threads", 64);
        int cpuRequests = args.integer("cpu-requests", 3_000);
        boolean inProcessReads = Boolean.parseBoolean(args.string("in-process-reads", "true"));
        String senderKind = args.string("sender", "child");
        if (!senderKind.equals("child") && !senderKind.equals("in-process")) {
            throw new IllegalArgumentException("--sender is child or in-process, was " + senderKind);
        }
        boolean child = senderKind.equals("child");
        String paceText = args.string("odoo-pace", "odoo19");
        ServingPace pace = ServingPace.parse(paceText, args.integer("odoo-workers", 2));
        // the pace makes Odoo's answer time per call and per record returned, as measured on a real 19.0 database of
        // 5,047 products; FakeOdoo's own table size hardly matters, and generating 100,000 products in it takes minutes
        int odooProducts = args.integer("odoo-products", 2_000);
        out.printf("read API benchmark: %,d products, rates %s/s, %.0f s per rate (Odoo %.0f s), %d sender threads; "
                + "reads %s; load average %.2f on %d cores; heap %s%n", products, rates, seconds, odooSeconds, threads,
                inProcessReads ? "in process" : "with the driver",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), heap());
        Path work = Files.createTempDirectory("odoo-bridge-read-api");
        try (EmbeddedStore store = ReadModels.serve(work.resolve("mongo"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString())
                     .database(DB).guardStrategy(GuardStrategy.READ_THEN_WRITE).inProcessReads(inProcessReads).build());
             MongoClient mongo = MongoClients.create(store.connectionString());
             StateDatabase state = StateDatabase.embedded(work.resolve("state"))) {
            long t0 = System.nanoTime();
            load(mongo.getDatabase(DB), products);
            out.printf("loaded %,d products, their stock documents and %,d lots (two for one product in %d) into the"
                    + " embedded store in %.1f s%n", products, products / LOTS_EVERY * 2, LOTS_EVERY,
                    (System.nanoTime() - t0) / 1e9);
            CreatedApiKey key = ApiKeys.of(state).create(NewApiKey.builder(SOURCE).label("benchmark").build());
            FixedAnswer floor = new FixedAnswer();
            try (ReadApi api = ReadApi.builder(readModel, store.connectionString()).database(DB).apiKeys(ApiKeys.of(state))
                    .inProcessReads(inProcessReads).rateLimiter(new RateLimiter(new RateLimit(1_000_000, 1_000_000))).build();
                 // the same API reading with the driver over the wire, as from any MongoDB: the closed loop compares both
                 ReadApi driverApi = ReadApi.builder(readModel, store.connectionString()).database(DB)
                         .apiKeys(ApiKeys.of(state)).inProcessReads(false).pathPrefix("/api/driver/")
                         .rateLimiter(new RateLimiter(new RateLimit(1_000_000, 1_000_000))).build();
                 Serve serve = Serve.builder(state).readModel(readModel).schedule(Schedule.none()).bind("127.0.0.1")
                         .port(0).mount("/api/v1/", api.handler()).mount("/api/driver/", driverApi.handler()).mount("/floor/", floor)
                         .build().start()) {
                Api client = new Api("http://127.0.0.1:" + serve.port() + "/api/v1/" + SOURCE + "/", key.token());
                floor.body = client.plain("products/1");
                List<String> pages = client.walkPages();
                out.printf("walked %,d pages of 100 through next cursors%n", pages.size());
                Random random = new Random(1);
                int[] ids = random.ints(1_000_000, 1, products + 1).toArray();
                try (Load load = child ? ChildLoad.start(serve.port(), threads, key.token(), work, out)
                        : new InProcessLoad(threads, "http://127.0.0.1:" + serve.port(), key.token(), out)) {
                    String v1 = "/api/v1/" + SOURCE + "/";
                    String driver = "/api/driver/" + SOURCE + "/";
                    load.closed(warmUp(v1, pages, ids, 0));
                    if (cpuRequests > 0) {
                        out.printf("%nclosed loop, one request at a time, CPU per request (%s):%n", load.cpuMeaning());
                        out.printf("  API  product by id        %s%n", load.closed(paths(cpuRequests,
                                i -> v1 + "products/" + ids[(i + 5_000) % ids.length])));
                        out.printf("  API  page of 100 (cursor) %s%n", load.closed(paths(cpuRequests,
                                i -> v1 + pages.get(i % pages.size()))));
                        out.printf("  API  barcode lookup       %s%n", load.closed(paths(cpuRequests,
                                i -> v1 + "barcode/" + barcode(ids[(i + 11) % ids.length]))));
                        if (inProcessReads) {
                            load.closed(warmUp(driver, pages, ids, 0));
                            out.printf("  the same API reading the store with the driver (as any MongoDB), then in process again:%n");
                            out.printf("  driver product by id      %s%n", load.closed(paths(cpuRequests,
                                    i -> driver + "products/" + ids[(i + 5_000) % ids.length])));
                            out.printf("  driver page of 100        %s%n", load.closed(paths(cpuRequests,
                                    i -> driver + pages.get(i % pages.size()))));
                            out.printf("  API  product by id        %s%n", load.closed(paths(cpuRequests,
                                    i -> v1 + "products/" + ids[(i + 5_000) % ids.length])));
                            out.printf("  API  page of 100 (cursor) %s%n", load.closed(paths(cpuRequests,
                                    i -> v1 + pages.get(i % pages.size()))));
                        }
                    }
                    settleCompiler(load, v1, pages, ids, out);
                    settle(out);
                    for (double rate : rates) {
                        int n = (int) Math.round(rate * seconds);
                        out.printf("%n-- %,.0f requests/s (from %.0f s after the start of the JVM)%n", rate,
                                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                        out.printf("  HTTP floor (fixed bytes)  %s%n", paced(load, rate, paths(n, i -> "/floor/" + i)));
                        out.printf("  API  product by id        %s%n", paced(load, rate, paths(n,
                                i -> v1 + "products/" + ids[i % ids.length])));
                        out.printf("  API  page of 100 (cursor) %s%n", paced(load, rate, paths(n,
                                i -> v1 + pages.get(i % pages.size()))));
                        out.printf("  API  barcode lookup       %s%n", paced(load, rate, paths(n,
                                i -> v1 + "barcode/" + barcode(ids[(i + 7) % ids.length]))));
                    }
                }
            }
        } finally {
            WorkDirs.delete(work);
        }
        if (odooSeconds > 0) {
            odoo(out, rates, odooSeconds, threads, pace, paceText, odooProducts);
        }
    }

    /**
     * The heap's initial and largest size: a heap that starts below its largest size grows inside young collections
     * (committing memory in the pause: 9 ms of a 28 ms pause measured here), as a server started without
     * {@code -Xms} does.
     */
    private static String heap() {
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String sizes = String.format("%,d MiB initial, %,d MiB largest", heap.getInit() >> 20, heap.getMax() >> 20);
        return heap.getInit() == heap.getMax() ? sizes + " (fixed)" : sizes + " (grows and shrinks: give -Xms as -Xmx)";
    }

    /** The paths sent at the rate: the latencies, and the collections that paused this JVM meanwhile. */
    private static String paced(Load load, double rate, List<String> paths) throws Exception {
        try (PhasePauses pauses = PhasePauses.start()) {
            long[] sender = load.senderCollections(true);
            String result = load.open(rate, paths).describe() + "; " + pauses.describe();
            long[] after = load.senderCollections(false);
            if (sender == null) {
                return result;
            }
            long count = after[0] - sender[0];
            return result + (count == 0 ? "; sender: no GC"
                    : String.format("; sender: %d GC%s, %d ms", count, count == 1 ? "" : "s", after[1] - sender[1]));
        }
    }

    /**
     * Settles the heap before the paced rates, as a server that has run for a minute has it: what the start and the
     * warm-ups left (the store's kept encodings, its page cache as the warm-up left it, the JIT's data) is moved to
     * the old generation at once instead of being copied by the first young collections inside a measured rate.
     */
    private static void settle(PrintStream out) {
        long t0 = System.nanoTime();
        System.gc();
        out.printf("heap settled after the warm-up (one full collection, %.0f ms), as a server that has run a while%n",
                (System.nanoTime() - t0) / 1e6);
    }

    private static List<String> paths(int n, java.util.function.IntFunction<String> path) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(path.apply(i));
        }
        return out;
    }

    /** 3,000 each of products, pages and barcode lookups, interleaved (from {@code ids[first]}). */
    private static List<String> warmUp(String prefix, List<String> pages, int[] ids, int first) {
        List<String> out = new ArrayList<>();
        for (int i = first; i < first + 3_000; i++) {
            out.add(prefix + "products/" + ids[i]);
            out.add(prefix + pages.get(i % pages.size()));
            out.add(prefix + "barcode/" + barcode(ids[i]));
        }
        return out;
    }

    /**
     * More warm-up rounds until the JIT compiler has settled (a round added under 50 ms of compilation, at most 8
     * rounds), as in a server that has run a while: the optimizing compiler otherwise still compiles the routes'
     * largest methods inside the measured rates, 100-400 ms each on one of the two cores (seen with JFR's
     * {@code jdk.Compilation}). The ids come from the far half of the drawn ids, apart from the measured ones.
     */
    private static void settleCompiler(Load load, String prefix, List<String> pages, int[] ids, PrintStream out)
            throws Exception {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        int rounds = 0;
        long added;
        do {
            long before = jit.getTotalCompilationTime();
            load.closed(warmUp(prefix, pages, ids, ids.length / 2 + rounds * 3_000));
            added = jit.getTotalCompilationTime() - before;
            rounds++;
        } while (added >= 50 && rounds < 8);
        out.printf("compiler settled after %d more warm-up round%s of 9,000 requests (the last added %d ms of"
                + " compilation)%n", rounds, rounds == 1 ? "" : "s", added);
    }

    /** Where the requests come from. */
    private interface Load extends AutoCloseable {
        /** What the closed loop's CPU figures cover. */
        String cpuMeaning();

        /** The paths one after the other; CPU time and allocation per request. */
        String closed(List<String> paths) throws Exception;

        /** The paths paced at {@code rate}/s, latencies from due times. */
        OpenLoop.Result open(double rate, List<String> paths) throws Exception;

        /**
         * The sending JVM's collections so far (count, milliseconds) when it is not this one, else null; with
         * {@code collectFirst}, after one it makes now (before a phase, so that none falls inside it).
         */
        long[] senderCollections(boolean collectFirst) throws Exception;

        @Override
        void close();
    }

    /** {@link PacedSender} in a child JVM: plain keep-alive sockets, the load off the measured process. */
    private static final class ChildLoad implements Load {
        private final SenderProcess sender;
        private final Path dir;

        private ChildLoad(SenderProcess sender, Path dir) {
            this.sender = sender;
            this.dir = dir;
        }

        static ChildLoad start(int port, int threads, String token, Path dir, PrintStream out) throws Exception {
            SenderProcess sender = SenderProcess.start(port, threads);
            sender.command("header Authorization: Bearer " + token);
            sender.command("header Accept-Encoding: gzip");
            out.printf("requests sent from a child JVM (PacedSender): %d threads, each on its own keep-alive HTTP/1.1"
                    + " connection (plain sockets), gzip accepted (bodies read, not inflated); times on the shared monotonic"
                    + " clock (checked, round trip %.0f µs); the child shares the machine's 2 cores, not serve's process%n",
                    threads, sender.roundTripNanos() / 1e3);
            return new ChildLoad(sender, dir);
        }

        @Override
        public String cpuMeaning() {
            return "serve's process; the sender's own JVM apart";
        }

        @Override
        public String closed(List<String> paths) throws Exception {
            long alloc0 = allocated();
            long cpu0 = processCpu();
            long sender0 = sender.cpuNanos();
            long wall0 = System.nanoTime();
            sender.gets(0, paths, dir);
            long wall = System.nanoTime() - wall0;
            long senderCpu = sender.cpuNanos() - sender0;
            return cpuLine(processCpu() - cpu0, allocated() - alloc0, String.format("sender %5.3f ms CPU; ",
                    senderCpu / 1e6 / paths.size()), wall, paths.size());
        }

        @Override
        public OpenLoop.Result open(double rate, List<String> paths) throws Exception {
            return sender.gets(rate, paths, dir);
        }

        @Override
        public long[] senderCollections(boolean collectFirst) throws Exception {
            return sender.collections(collectFirst);
        }

        @Override
        public void close() {
            sender.close();
        }
    }

    /** The JDK HttpClient in this process (as this benchmark measured before the child sender). */
    private static final class InProcessLoad implements Load {
        private final Api api;
        private final int threads;

        InProcessLoad(int threads, String origin, String token, PrintStream out) {
            this.api = new Api(origin, token);
            this.threads = threads;
            out.printf("requests sent from this JVM: %d threads on the JDK HttpClient (HTTP/1.1 keep-alive), sharing the"
                    + " process and its CPU with serve%n", threads);
        }

        @Override
        public String cpuMeaning() {
            return "the whole process: server and client";
        }

        @Override
        public String closed(List<String> paths) throws Exception {
            long alloc0 = allocated();
            long cpu0 = processCpu();
            long wall0 = System.nanoTime();
            for (String path : paths) {
                api.get(path);
            }
            return cpuLine(processCpu() - cpu0, allocated() - alloc0, "", System.nanoTime() - wall0, paths.size());
        }

        @Override
        public OpenLoop.Result open(double rate, List<String> paths) throws Exception {
            return OpenLoop.run(rate, paths.size() / rate, threads, 60, i -> api.get(paths.get(i)));
        }

        @Override
        public long[] senderCollections(boolean collectFirst) {
            return null; // this JVM: its pauses are the phase's own
        }

        @Override
        public void close() {
        }
    }

    /** CPU and allocation per request, requests per CPU-second, and wall time per request. */
    private static String cpuLine(long cpuNanos, long allocatedBytes, String sender, long wallNanos, int n) {
        double cpuMs = cpuNanos / 1e6 / n;
        return String.format("%7.3f ms CPU per request = %,6.0f requests per CPU-second, %,7.0f KiB allocated per request "
                + "(%swall %7.3f ms each, %,d requests)", cpuMs, 1000 / cpuMs, allocatedBytes / 1024.0 / n, sender,
                wallNanos / 1e6 / n, n);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes allocated so far by the live threads (the store's, Jetty's, the driver's and the client's). */
    private static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, a);
        }
        return sum;
    }

    private static void odoo(PrintStream out, List<Double> rates, double seconds, int threads, ServingPace pace,
                             String paceText, int products) throws Exception {
        long t0 = System.nanoTime();
        try (FakeOdoo fake = FakeOdoo.builder().version("19.0").products(products).pace(pace).build().start();
             OdooClient odoo = OdooClients.create(fake.config(Transport.JSON2, FakeOdoo.ADMIN))) {
            List<Long> all = odoo.model("product.product").search(Domains.all(), SearchOptions.DEFAULT.order("id"));
            out.printf("%nFakeOdoo 19.0 with %,d products (%,d variants) started in %.1f s; pace %s = %s%n", products,
                    all.size(), (System.nanoTime() - t0) / 1e9, paceText, pace.describe());
            Random random = new Random(2);
            long[] ids = random.ints(100_000, 0, all.size()).mapToLong(all::get).toArray();
            long[] pageStarts = new long[Math.max(1, all.size() / 100)];
            for (int p = 0; p < pageStarts.length; p++) {
                pageStarts[p] = p == 0 ? 0 : all.get(p * 100 - 1);
            }
            for (double rate : rates) {
                out.printf("-- %,.0f requests/s (%.0f s)%n", rate, seconds);
                out.printf("  Odoo read of one product  %s%n", OpenLoop.run(rate, seconds, threads, 300, i -> {
                    List<OdooRecord> r = odoo.model("product.product").read(List.of(ids[i % ids.length]), ODOO_FIELDS);
                    if (r.size() != 1) {
                        throw new IllegalStateException("read gave " + r.size());
                    }
                }).describe());
                out.printf("  Odoo search_read of 100   %s%n", OpenLoop.run(rate, seconds, threads, 300, i -> {
                    List<OdooRecord> r = odoo.model("product.product").searchRead(
                            Domains.gt("id", pageStarts[i % pageStarts.length]), ODOO_FIELDS,
                            SearchOptions.DEFAULT.order("id").limit(100));
                    if (r.isEmpty()) {
                        throw new IllegalStateException("empty page");
                    }
                }).describe());
            }
        }
    }

    /** The EAN-13 of product {@code id}. */
    static String barcode(long id) {
        return Gtin.withCheckDigit(String.format("40%010d", id));
    }

    /** Product documents as the projector writes them (retail projection, sequence, bookkeeping) and their stock view. */
    private static void load(MongoDatabase db, int count) {
        MongoCollection<Document> products = db.getCollection("product_product");
        MongoCollection<Document> stock = db.getCollection("product_stock");
        MongoCollection<Document> lots = db.getCollection("lot_stock");
        AtomicLong seq = new AtomicLong();
        Date now = Date.from(Instant.now());
        List<Document> batch = new ArrayList<>();
        List<Document> stockBatch = new ArrayList<>();
        List<Document> lotBatch = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            String name = "Product " + id;
            long category = 1 + id % 40;
            batch.add(new Document("_id", SOURCE + ":" + id).append("id", id)
                    .append("product_tmpl_id", new Document("id", id).append("name", name))
                    .append("name", name).append("default_code", "P" + id).append("barcode", barcode(id))
                    .append("list_price", (id % 97) + 0.5).append("standard_price", (id % 89) + 0.25)
                    .append("categ_id", new Document("id", category).append("name", "All / Category " + category))
                    .append("type", "consu").append("is_storable", true).append("active", true).append("storable", true)
                    .append("_source", SOURCE).append("_odoo_id", id).append("_write_date", now).append("_fetched_at", now)
                    .append("_synced_at", now).append("_seq", seq.incrementAndGet()));
            double onHand = id % 50;
            stockBatch.add(new Document("_id", SOURCE + ":" + id).append("_source", SOURCE).append("product_id", id)
                    .append("product_tmpl_id", id).append("name", name).append("default_code", "P" + id)
                    .append("barcode", barcode(id)).append("active", true).append("storable", true)
                    .append("on_hand", onHand).append("reserved", 0.0).append("available", onHand).append("incoming", 0.0)
                    .append("threshold", 10.0).append("threshold_from", "default")
                    .append("warehouses", List.of(new Document("warehouse_id", 1L).append("warehouse_name", "WH")
                            .append("on_hand", onHand).append("reserved", 0.0).append("incoming", 0.0).append("min_qty", 0.0)))
                    .append("vendors", List.of(new Document("partner_id", 100 + id % 20).append("name", "Vendor " + id % 20)
                            .append("min_qty", 1.0).append("price", 2.5).append("product_code", null).append("delay", 3)
                            .append("supplierinfo_id", id)))
                    .append("vendor_ids", List.of(100 + id % 20)).append("_updated_at", now)
                    .append("_seq", seq.incrementAndGet()));
            if (id % LOTS_EVERY == 0) {
                // one lot expired a while ago, one expiring in a few months, as the projector writes lot_stock
                for (int k = 0; k < 2; k++) {
                    long lotId = id * 10 + k;
                    lotBatch.add(new Document("_id", SOURCE + ":" + lotId).append("_source", SOURCE).append("lot_id", lotId)
                            .append("name", "L" + lotId).append("product_id", id).append("product_name", name)
                            .append("expiration_date", Date.from(now.toInstant().plus(Duration.ofDays(k == 0 ? -20 : 90))))
                            .append("quantity", (double) (id % 7 + k)).append("_updated_at", now));
                }
            }
            if (batch.size() == 5_000) {
                products.insertMany(batch);
                stock.insertMany(stockBatch);
                lots.insertMany(lotBatch);
                batch.clear();
                stockBatch.clear();
                lotBatch.clear();
            }
        }
        if (!batch.isEmpty()) {
            products.insertMany(batch);
            stock.insertMany(stockBatch);
        }
        if (!lotBatch.isEmpty()) {
            lots.insertMany(lotBatch);
        }
    }

    /**
     * The floor of HTTP on this server and machine: a handler mounted beside the API that answers every request with
     * the same bytes (one product's answer), so the rates' figures show what the API adds to it.
     */
    private static final class FixedAnswer extends Handler.Abstract {
        private volatile byte[] body = new byte[0];

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put("Content-Type", "application/json");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }

    /** The API as an app calls it: HTTP/1.1 keep-alive, bearer key, gzip accepted (bodies read, not inflated). */
    private static final class Api {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        Api(String base, String token) {
            this.base = base;
            this.token = token;
        }

        HttpResponse<byte[]> send(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        void get(String path) throws Exception {
            HttpResponse<byte[]> r = send(path);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
        }

        /** One answer's body, read without gzip. */
        byte[] plain(String path) throws Exception {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        }

        /** Every page's path, the first and then each one's {@code next} (read without gzip). */
        List<String> walkPages() throws Exception {
            List<String> pages = new ArrayList<>();
            String path = "products?limit=100";
            while (path != null) {
                pages.add(path);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
                }
                JsonNode next = JSON.readTree(r.body()).path("next");
                path = next.isTextual() ? "products?limit=100&cursor=" + next.asText() : null;
            }
            return pages;
        }
    }
}
