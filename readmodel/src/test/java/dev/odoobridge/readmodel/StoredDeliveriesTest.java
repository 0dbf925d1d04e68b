package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.product;
import static dev.odoobridge.readmodel.OdooRows.row;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sales velocity read from the deliveries kept in the {@code product_stock} documents equals the velocity
 * aggregated from the moves themselves (the report's fallback for views built before the field existed), on the
 * same random move history: every state, location pair, missing {@code quantity}, days inside and outside the kept
 * days, later reads than the build; with the deliveries kept packed (as views are built now), in the older day →
 * quantity document, and both shapes in one scope.
 */
class StoredDeliveriesTest {
    private static final DateTimeFormatter ODOO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final ChangeLogTest.MutableClock clock = new ChangeLogTest.MutableClock(NOW);
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().build(), clock);
    private final MongoClient client = MongoClients.create(ChangeLogTest.uri(model));
    private final MongoCollection<Document> views = client.getDatabase("odoo_bridge").getCollection("product_stock");
    private final Reports reports = model.reports();
    private final VendorScope vendor70 = VendorScope.of("shop", List.of(70L));

    @AfterEach
    void close() {
        client.close();
        model.close();
    }

    private void apply(String m, List<OdooRecord> records) {
        model.projector().apply("shop", m, records, NOW);
    }

    @Test
    void storedDeliveriesEqualTheMoveAggregation() {
        apply("stock.location", List.of(location(5, "WH/Stock", "internal", 1), location(6, "WH/Shelf", "internal", 1),
                location(9, "Customers", "customer", 0), location(8, "Vendors", "supplier", 0)));
        List<OdooRecord> products = new ArrayList<>();
        List<OdooRecord> suppliers = new ArrayList<>();
        for (long p = 1; p <= 12; p++) {
            products.add(product(p, "P" + p));
            suppliers.add(supplier(p, p % 4 == 0 ? 71 : 70, p, p));
        }
        apply("product.product", products);
        apply("product.supplierinfo", suppliers);
        Random random = new Random(7);
        long[] locations = {5, 6, 9, 8, 77};
        String[] states = {"done", "done", "done", "assigned", "cancel"};
        List<OdooRecord> moves = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            long product = 1 + random.nextInt(12);
            String date = LocalDateTime.ofInstant(NOW.minus(Duration.ofMinutes(random.nextInt(460 * 24 * 60))
                    .minusDays(-random.nextInt(3))), java.time.ZoneOffset.UTC).format(ODOO);
            OdooRows move = row(i).m2o("product_id", product, "P" + product)
                    .m2o("location_id", locations[random.nextInt(5)], "L").m2o("location_dest_id", locations[random.nextInt(5)], "L")
                    .with("product_uom_qty", (double) (1 + random.nextInt(9))).with("state", states[random.nextInt(5)])
                    .with("date", date).with("reference", "WH/OUT/" + i);
            if (random.nextInt(4) > 0) {
                move.with("quantity", (double) random.nextInt(9));
            }
            moves.add(move.build());
        }
        apply("stock.move", moves);
        assertThat(views.countDocuments(new Document("delivered_daily", new Document("$exists", true)))).isEqualTo(12);
        // kept packed: parallel arrays of day offsets and quantities
        assertThat(views.find(new Document("_id", "shop:1")).first().get("delivered_daily", Document.class))
                .containsKeys("start", "days", "qty");
        List<Document> packed = views.find().into(new ArrayList<>());

        for (int laterDays : new int[] {0, 45, 200}) {
            clock.advance(Duration.ofDays(laterDays));
            for (int window : new int[] {1, 7, 30, 120, 400}) {
                List<ProductVelocity> stored = reports.salesVelocity(vendor70, window);
                List<ProductVelocity> fromMoves = withoutStoredDeliveries(() -> reports.salesVelocity(vendor70, window));
                assertThat(stored).as("window %d, %d days after the build", window, laterDays).isEqualTo(fromMoves);
                // views built before the packed shape: a day -> quantity document, every view or some of them
                List<ProductVelocity> byDay = withShape(packed, 12, () -> reports.salesVelocity(vendor70, window));
                assertThat(byDay).as("older shape, window %d, %d days after the build", window, laterDays).isEqualTo(fromMoves);
                List<ProductVelocity> mixed = withShape(packed, 6, () -> reports.salesVelocity(vendor70, window));
                assertThat(mixed).as("both shapes, window %d, %d days after the build", window, laterDays).isEqualTo(fromMoves);
                if (laterDays == 0 && window >= 30) {
                    assertThat(stored).isNotEmpty();
                }
            }
        }
        // read from the views indeed: a kept day shows in the velocity, in either shape
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        Document one = views.find(new Document("_id", "shop:1")).first().get("delivered_daily", Document.class);
        long offset = today.toEpochDay() - java.time.LocalDate.parse(one.getString("start")).toEpochDay();
        views.updateOne(new Document("_id", "shop:1"), new Document("$set", new Document("delivered_daily",
                new Document(one).append("days", List.of((int) offset)).append("qty", List.of(1000.0)))));
        assertThat(reports.salesVelocity(vendor70, 1)).filteredOn(v -> v.productId() == 1).singleElement()
                .satisfies(v -> assertThat(v.totalQuantity()).isEqualTo(1000.0));
        views.updateOne(new Document("_id", "shop:1"), new Document("$set", new Document("delivered_daily",
                new Document(today.toString(), 2000.0))));
        assertThat(reports.salesVelocity(vendor70, 1)).filteredOn(v -> v.productId() == 1).singleElement()
                .satisfies(v -> assertThat(v.totalQuantity()).isEqualTo(2000.0));
        // an unreadable field is not guessed at: the moves are read
        views.updateOne(new Document("_id", "shop:1"), new Document("$set", new Document("delivered_daily",
                new Document("start", "2026-11-21").append("days", List.of(0, 1)).append("qty", List.of(1.0)))));
        assertThat(reports.salesVelocity(vendor70, 30))
                .isEqualTo(withoutStoredDeliveries(() -> reports.salesVelocity(vendor70, 30)));
    }

    @Test
    void rebuildGivesOlderViewsThePackedDeliveries() {
        apply("stock.location", List.of(location(5, "WH/Stock", "internal", 1), location(9, "Customers", "customer", 0)));
        apply("product.product", List.of(product(1, "P1"), product(2, "P2"), product(3, "P3")));
        apply("product.supplierinfo", List.of(supplier(1, 70, 1, 1), supplier(2, 70, 2, 2), supplier(3, 70, 3, 3)));
        List<OdooRecord> moves = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String date = LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(i * 3L)), java.time.ZoneOffset.UTC).format(ODOO);
            moves.add(row(i).m2o("product_id", 1 + i % 3, "P").m2o("location_id", 5, "L").m2o("location_dest_id", 9, "L")
                    .with("product_uom_qty", (double) i).with("quantity", (double) i).with("state", "done").with("date", date)
                    .with("reference", "WH/OUT/" + i).build());
        }
        apply("stock.move", moves);
        List<Document> built = views.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        List<ProductVelocity> velocity = reports.salesVelocity(vendor70, 120);
        assertThat(velocity).hasSize(3);
        // as views built before: one without kept deliveries, one in the older shape
        views.updateOne(new Document("_id", "shop:1"), new Document("$unset",
                new Document("delivered_daily", "").append("delivered_since", "")));
        views.updateOne(new Document("_id", "shop:2"), new Document("$set",
                new Document("delivered_daily", byDay(built.get(1).get("delivered_daily", Document.class)))));
        assertThat(model.stock().rebuild("shop")).isEqualTo(3);
        assertThat(model.stock().rebuild("elsewhere")).isZero();
        List<Document> rebuilt = views.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            assertThat(rebuilt.get(i).get("delivered_daily")).isEqualTo(built.get(i).get("delivered_daily"));
            assertThat(rebuilt.get(i).get("delivered_since")).isEqualTo(built.get(i).get("delivered_since"));
        }
        assertThat(reports.salesVelocity(vendor70, 120)).isEqualTo(velocity);
    }

    /**
     * The result of {@code read} while the first {@code count} views (of {@code packed}, as built) keep their deliveries
     * in the older day → quantity document, the others packed.
     */
    private List<ProductVelocity> withShape(List<Document> packed, int count,
                                            java.util.function.Supplier<List<ProductVelocity>> read) {
        for (int i = 0; i < packed.size(); i++) {
            Document view = new Document(packed.get(i));
            if (i < count) {
                view.put("delivered_daily", byDay(view.get("delivered_daily", Document.class)));
            }
            views.replaceOne(new Document("_id", view.get("_id")), view);
        }
        try {
            return read.get();
        } finally {
            for (Document d : packed) {
                views.replaceOne(new Document("_id", d.get("_id")), d);
            }
        }
    }

    /** A packed field in the older shape: {@code yyyy-MM-dd} → quantity, ascending. */
    private static Document byDay(Document packed) {
        java.time.LocalDate start = java.time.LocalDate.parse(packed.getString("start"));
        List<Integer> days = packed.getList("days", Integer.class);
        List<Double> qty = packed.getList("qty", Double.class);
        java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
            out.put(start.plusDays(days.get(i)).toString(), qty.get(i));
        }
        return new Document(out);
    }

    /** The result of {@code read} while the views lack the kept deliveries (as views built before the field existed). */
    private List<ProductVelocity> withoutStoredDeliveries(java.util.function.Supplier<List<ProductVelocity>> read) {
        List<Document> saved = views.find().into(new ArrayList<>());
        views.updateMany(new Document(), new Document("$unset", new Document("delivered_daily", "")));
        try {
            return read.get();
        } finally {
            for (Document d : saved) {
                views.replaceOne(new Document("_id", d.get("_id")), d);
            }
        }
    }
}
