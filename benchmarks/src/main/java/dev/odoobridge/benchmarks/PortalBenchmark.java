package dev.odoobridge.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.portal.Portal;
import dev.odoobridge.portal.pages.DashboardPages;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.Gate;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.SignedIn;
import dev.odoobridge.portal.chart.TrendChart;
import dev.odoobridge.portal.data.DashboardRow;
import dev.odoobridge.portal.data.ProductDetail;
import dev.odoobridge.portal.data.ReadModelVendorData;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.VendorScope;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.bson.Document;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * The vendor portal's dashboard data for a vendor with N products on the embedded store: {@code dashboard(scope)} (stock
 * status, 120-day velocity, forecast and lots of every product, joined) and one product page's data with its trend
 * chart, p50 / p99 over repeated runs after warm-up; the baseline in the same run is the bare
 * {@link Reports#stockStatus} of the same scope.
 *
 * <p>The shop is written in the read model's shape by bulk inserts (stock locations, product stock views, done moves over
 * the window with their product references, lots), not through the sync, so the set-up stays short; the read model is
 * opened first so its indexes exist. Another vendor's products are in the same source, so the scope has something to leave out.
 */
final class PortalBenchmark {
    private static final String SOURCE = "bench";
    private static final long VENDOR = 70;
    private static final long OTHER_VENDOR = 71;
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    /** Days of deliveries the read model's stock views keep per product. */
    private static final int DELIVERED_DAYS = 400;

    private PortalBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int products = args.integer("products", 10_000);
        int others = args.integer("others", 2_000);
        int days = args.integer("days", 120);
        int salesPerProduct = args.integer("sales", 20);
        int runs = args.integer("runs", 20);
        int warmup = args.integer("warmup", 3);
        // the kept deliveries' shape: packed as the read model builds views now, or by-day as views built before it
        String views = args.string("views", "packed");
        if (!views.equals("packed") && !views.equals("by-day")) {
            throw new IllegalArgumentException("--views is packed or by-day, was " + views);
        }
        boolean byDayViews = views.equals("by-day");
        Path work = Files.createTempDirectory("odoo-bridge-portal");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (EmbeddedStore store = ReadModels.serve(work.resolve("mongo"));
             ReadModel model = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString()).build(), clock);
             MongoClient mongo = MongoClients.create(store.connectionString())) {
            MongoDatabase db = mongo.getDatabase("odoo_bridge");
            long t0 = System.nanoTime();
            long moves = load(db, products, others, days, salesPerProduct, byDayViews);
            out.printf("shop: %,d products of the vendor + %,d of another, %,d done moves over %d days, loaded in %.1f s;"
                    + " kept deliveries %s%n", products, others, moves, days, (System.nanoTime() - t0) / 1e9,
                    byDayViews ? "in the older day -> quantity document" : "packed");
            // a store holding every move but no reference index (as before the index existed): opening builds it
            db.getCollection("_references").drop();
            long o = System.nanoTime();
            try (ReadModel reopened = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString()).build(),
                    clock)) {
                out.printf("opened a read model on the store without its reference index (built from the moves) in %.1f s%n",
                        (System.nanoTime() - o) / 1e9);
            }
            Reports reports = model.reports();
            VendorData data = new ReadModelVendorData(reports, clock);
            VendorScope scope = VendorScope.of(SOURCE, List.of(VENDOR));
            long[] dashboard = new long[runs];
            long[] dashboardCpu = new long[runs];
            long[] baseline = new long[runs];
            long[] product = new long[runs];
            int rows = 0;
            int svgChars = 0;
            for (int r = -warmup; r < runs; r++) {
                long cpu = processCpuNanos();
                long a = System.nanoTime();
                List<DashboardRow> dash = data.dashboard(scope);
                long b = System.nanoTime();
                long cpuUsed = processCpuNanos() - cpu;
                int status = reports.stockStatus(scope).size();
                long c = System.nanoTime();
                ProductDetail detail = data.product(scope, SOURCE, 1 + (r + warmup) % products).orElseThrow();
                String svg = TrendChart.svg(detail.trend(), detail.row().name());
                long d = System.nanoTime();
                if (dash.size() != products || status != products) {
                    throw new IllegalStateException("expected " + products + " rows, dashboard gave " + dash.size()
                            + ", stock status " + status);
                }
                rows = dash.size();
                svgChars = svg.length();
                out.printf("  %s %d: dashboard %.0f ms (process CPU %.0f ms), baseline stockStatus %.0f ms, product page + chart"
                        + " %.1f ms%n", r < 0 ? "warm-up" : "run", r < 0 ? r + warmup + 1 : r + 1, (b - a) / 1e6, cpuUsed / 1e6,
                        (c - b) / 1e6, (d - c) / 1e6);
                out.flush();
                if (r >= 0) {
                    dashboard[r] = b - a;
                    dashboardCpu[r] = cpuUsed;
                    baseline[r] = c - b;
                    product[r] = d - c;
                }
            }
            out.printf("dashboard(scope) of %,d rows (%d runs after %d warm-up): p50 %.0f ms, p99 %.0f ms; baseline bare "
                    + "stockStatus(scope) p50 %.0f ms, p99 %.0f ms%n", rows, runs, warmup, pct(dashboard, 50), pct(dashboard, 99),
                    pct(baseline, 50), pct(baseline, 99));
            out.printf("dashboard process CPU time (every thread of this JVM: the store's, the driver's, GC): p50 %.0f ms,"
                    + " p99 %.0f ms; %d available processors, load average %.2f at the end%n", pct(dashboardCpu, 50),
                    pct(dashboardCpu, 99), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf("product page data + TrendChart.svg (%,d chars): p50 %.1f ms, p99 %.1f ms%n", svgChars, pct(product, 50),
                    pct(product, 99));
            // where the dashboard's time goes: its one read, then the single-purpose reports it replaces, median of 5
            long[] overview = new long[5];
            long[][] parts = new long[4][5];
            for (int k = 0; k < 5; k++) {
                long o0 = System.nanoTime();
                reports.stockOverview(scope, Reports.DEFAULT_WINDOW_DAYS);
                overview[k] = System.nanoTime() - o0;
                long q0 = System.nanoTime();
                List<dev.odoobridge.readmodel.report.StockStatusRow> st = reports.stockStatus(scope);
                long q1 = System.nanoTime();
                List<dev.odoobridge.readmodel.report.ProductVelocity> vel = reports.salesVelocity(scope, Reports.DEFAULT_WINDOW_DAYS);
                long q2 = System.nanoTime();
                reports.lotsInStock(scope);
                long q3 = System.nanoTime();
                reports.forecast(st, vel, Reports.DEFAULT_WINDOW_DAYS);
                long q4 = System.nanoTime();
                parts[0][k] = q1 - q0;
                parts[1][k] = q2 - q1;
                parts[2][k] = q3 - q2;
                parts[3][k] = q4 - q3;
            }
            for (long[] part : parts) {
                Arrays.sort(part);
            }
            Arrays.sort(overview);
            out.printf("dashboard split (median of 5): stockOverview %.0f ms (the rest is the lots' join and the sort);"
                    + " the separate reports it replaces: stockStatus %.0f ms, salesVelocity %.0f ms, lotsInStock %.0f ms,"
                    + " forecast %.0f ms%n", overview[2] / 1e6, parts[0][2] / 1e6, parts[1][2] / 1e6, parts[2][2] / 1e6,
                    parts[3][2] / 1e6);
            served(out, data, scope, runs, warmup);
        }
    }

    /**
     * The dashboard as a vendor's browser gets it: the portal's handler (its real router, security headers and
     * compiled template) on Jetty, the vendor signed in by a gate that lets every request in (sessions are a
     * PostgreSQL lookup measured elsewhere), {@code GET /portal/dashboard} (first page of rows, default sort) and a
     * searched, filtered, re-sorted page; time from sending the request to the last byte of the page on loopback.
     */
    private static void served(PrintStream out, VendorData data, VendorScope scope, int runs, int warmup) throws Exception {
        Gate signedIn = new Gate() {
            @Override
            public Optional<SignedIn> resolve(Exchange exchange) {
                return Optional.of(new SignedIn("benchmark-session", "vendor@example.com", "benchmark-csrf"));
            }

            @Override
            public void checkCsrf(Exchange exchange) {
                throw new PortalException(403, "the benchmark posts no form");
            }
        };
        Portal portal = Portal.builder().gate(signedIn).module(new DashboardPages(data, vendor -> Optional.of(scope))).build();
        Server server = new Server(0);
        server.setHandler(new ContextHandler(portal.handler(), "/portal"));
        server.start();
        try {
            String base = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/portal";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String[] paths = {"/dashboard", "/dashboard?q=product+1&status=urgent&sort=cover&dir=desc"};
            String[] names = {"first page, default sort", "searched, filtered by status, sorted by cover"};
            for (int k = 0; k < paths.length; k++) {
                long[] took = new long[runs];
                int bytes = 0;
                for (int r = -warmup; r < runs; r++) {
                    long a = System.nanoTime();
                    HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(base + paths[k])).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long b = System.nanoTime();
                    if (page.statusCode() != 200) {
                        throw new IllegalStateException("GET " + paths[k] + " answered " + page.statusCode());
                    }
                    bytes = page.body().length;
                    if (r >= 0) {
                        took[r] = b - a;
                    }
                }
                out.printf("served GET /portal%s (%s; %,d bytes of HTML): p50 %.0f ms, p99 %.0f ms over %d requests%n",
                        paths[k], names[k], bytes, pct(took, 50), pct(took, 99), runs);
            }
        } finally {
            server.stop();
            portal.close();
        }
    }

    /** Writes the shop; returns the number of moves. */
    private static long load(MongoDatabase db, int products, int others, int days, int salesPerProduct, boolean byDayViews) {
        Date now = Date.from(NOW);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        insert(db.getCollection("stock_location"), new ArrayList<>(List.of(location(5, "WH/Stock", "internal", now),
                location(8, "Vendors", "supplier", now), location(9, "Customers", "customer", now))));
        Random random = new Random(42);
        List<Document> stock = new ArrayList<>();
        List<Document> moves = new ArrayList<>();
        List<Document> lots = new ArrayList<>();
        List<Document> references = new ArrayList<>();
        long moveId = 0;
        long lotId = 0;
        long total = 0;
        for (int p = 1; p <= products + others; p++) {
            long vendor = p <= products ? VENDOR : OTHER_VENDOR;
            double onHand = random.nextInt(200);
            long firstMove = moveId + 1;
            TreeMap<String, Object> delivered = new TreeMap<>();
            for (int s = 0; s < salesPerProduct; s++) {
                double qty = 1 + random.nextInt(5);
                LocalDate day = today.minusDays(random.nextInt(days));
                moves.add(move(++moveId, p, 5, 9, qty, day, now));
                if (!day.isBefore(today.minusDays(DELIVERED_DAYS - 1L))) {
                    delivered.merge(day.toString(), qty, (x, y) -> (Double) x + (Double) y);
                }
            }
            for (int s = 0; s < Math.max(1, salesPerProduct / 10); s++) {
                moves.add(move(++moveId, p, 8, 5, 20 + random.nextInt(30), today.minusDays(random.nextInt(days)), now));
            }
            stock.add(new Document("_id", SOURCE + ":" + p).append("_source", SOURCE).append("product_id", (long) p)
                    .append("product_tmpl_id", (long) p).append("name", "Product " + p).append("default_code", "P" + p)
                    .append("barcode", null).append("active", true).append("storable", true)
                    .append("on_hand", onHand).append("reserved", 0.0).append("available", onHand)
                    .append("incoming", (double) random.nextInt(20)).append("threshold", 20.0).append("threshold_from", "default")
                    .append("warehouses", List.of(new Document("warehouse_id", 1L).append("warehouse_name", "WH")
                            .append("on_hand", onHand).append("reserved", 0.0).append("incoming", 0.0).append("min_qty", 0.0)))
                    .append("vendors", List.of(new Document("partner_id", vendor).append("name", "Vendor " + vendor)
                            .append("min_qty", 1.0).append("price", 2.5).append("product_code", null).append("delay", 3)
                            .append("supplierinfo_id", (long) p)))
                    .append("vendor_ids", List.of(vendor)).append("_updated_at", now)
                    .append("delivered_daily", byDayViews ? new Document(delivered) : packed(delivered, today))
                    .append("delivered_since", today.minusDays(DELIVERED_DAYS - 1L).toString()).append("_seq", (long) p));
            List<Long> ids = new ArrayList<>();
            for (long m = firstMove; m <= moveId; m++) {
                ids.add(m);
            }
            // the read model's reverse reference of the moves to their product (how it finds a product's moves by _id)
            references.add(new Document("_id", SOURCE + "|stock.move|product_id|" + p).append("ids", ids));
            if (p % 5 == 0) {
                for (int l = 0; l < 2; l++) {
                    lotId++;
                    lots.add(new Document("_id", SOURCE + ":" + lotId).append("_source", SOURCE).append("lot_id", lotId)
                            .append("name", "LOT-" + lotId).append("product_id", (long) p).append("product_name", "Product " + p)
                            .append("expiration_date", Date.from(NOW.plusSeconds(86_400L * (random.nextInt(90) - 10))))
                            .append("quantity", 1.0 + random.nextInt(10)).append("_updated_at", now).append("_seq", lotId));
                }
            }
            if (moves.size() >= 5_000) {
                total += moves.size();
                insert(db.getCollection("stock_move"), moves);
            }
            if (stock.size() >= 5_000) {
                insert(db.getCollection("product_stock"), stock);
                insert(db.getCollection("_references"), references);
            }
        }
        total += moves.size();
        insert(db.getCollection("stock_move"), moves);
        insert(db.getCollection("product_stock"), stock);
        insert(db.getCollection("lot_stock"), lots);
        insert(db.getCollection("_references"), references);
        return total;
    }

    /**
     * The kept deliveries as the read model builds them: {@code start} (the first kept day), the offsets of the days
     * with deliveries from it and their quantities.
     */
    private static Document packed(TreeMap<String, Object> byDay, LocalDate today) {
        LocalDate start = today.minusDays(DELIVERED_DAYS - 1L);
        List<Integer> offsets = new ArrayList<>(byDay.size());
        List<Object> qty = new ArrayList<>(byDay.size());
        byDay.forEach((day, q) -> {
            offsets.add((int) (LocalDate.parse(day).toEpochDay() - start.toEpochDay()));
            qty.add(q);
        });
        return new Document("start", start.toString()).append("days", offsets).append("qty", qty);
    }

    /** CPU time of every thread of this process (the embedded store runs in it), or 0 when the platform does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static Document location(long id, String name, String usage, Date now) {
        return new Document("_id", SOURCE + ":" + id).append("_source", SOURCE).append("_odoo_id", id).append("_write_date", now)
                .append("name", name).append("complete_name", name).append("usage", usage)
                .append("warehouse_id", usage.equals("internal") ? new Document("id", 1L).append("name", "WH") : null)
                .append("active", true).append("_seq", id);
    }

    private static Document move(long id, long product, long from, long to, double qty, LocalDate day, Date now) {
        Date date = Date.from(day.atTime(9 + (int) (id % 8), 0).toInstant(ZoneOffset.UTC));
        return new Document("_id", SOURCE + ":" + id).append("_source", SOURCE).append("_odoo_id", id).append("_write_date", now)
                .append("product_id", new Document("id", product).append("name", "Product " + product))
                .append("location_id", new Document("id", from).append("name", "L" + from))
                .append("location_dest_id", new Document("id", to).append("name", "L" + to))
                .append("product_uom_qty", qty).append("quantity", qty).append("state", "done").append("date", date)
                .append("reference", "WH/" + id).append("_seq", id);
    }

    private static void insert(MongoCollection<Document> coll, List<Document> docs) {
        if (!docs.isEmpty()) {
            coll.insertMany(docs);
            docs.clear();
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }
}
