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
 * days, later reads than the build.
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

        for (int laterDays : new int[] {0, 45, 200}) {
            clock.advance(Duration.ofDays(laterDays));
            for (int window : new int[] {1, 7, 30, 120, 400}) {
                List<ProductVelocity> stored = reports.salesVelocity(vendor70, window);
                List<ProductVelocity> fromMoves = withoutStoredDeliveries(() -> reports.salesVelocity(vendor70, window));
                assertThat(stored).as("window %d, %d days after the build", window, laterDays).isEqualTo(fromMoves);
                if (laterDays == 0 && window >= 30) {
                    assertThat(stored).isNotEmpty();
                }
            }
        }
        // read from the views indeed: a kept day shows in the velocity
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        views.updateOne(new Document("_id", "shop:1"), new Document("$set", new Document("delivered_daily." + today, 1000.0)));
        assertThat(reports.salesVelocity(vendor70, 1)).filteredOn(v -> v.productId() == 1).singleElement()
                .satisfies(v -> assertThat(v.totalQuantity()).isGreaterThanOrEqualTo(1000.0));
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
