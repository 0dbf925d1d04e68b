package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.move;
import static dev.odoobridge.readmodel.OdooRows.product;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a read model on a store whose documents are stored but whose reference index is not (older stores) builds
 * the index from those documents, read in batches: the same entries as those kept while projecting, more documents
 * than one batch.
 */
class ReferenceIndexRebuildTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().build(), clock);
    private final MongoClient client = MongoClients.create(ChangeLogTest.uri(model));
    private final MongoCollection<Document> references = client.getDatabase("odoo_bridge").getCollection("_references");

    @AfterEach
    void close() {
        client.close();
        model.close();
    }

    @Test
    void openingBuildsTheMissingIndexFromTheStoredDocuments() {
        apply("stock.location", List.of(location(5, "WH/Stock", "internal", 1), location(9, "Customers", "customer", 0)));
        List<OdooRecord> products = new ArrayList<>();
        List<OdooRecord> suppliers = new ArrayList<>();
        List<OdooRecord> quants = new ArrayList<>();
        for (long p = 1; p <= 30; p++) {
            products.add(product(p, "P" + p));
            suppliers.add(supplier(p, 70, p, p));
            quants.add(quant(p, p, 5, p));
        }
        apply("product.product", products);
        apply("product.supplierinfo", suppliers);
        apply("stock.quant", quants);
        List<OdooRecord> moves = new ArrayList<>();
        // more than one batch of the build; products 1, 4, .., 28 only receive (from customers), the others deliver
        for (int i = 1; i <= 4_500; i++) {
            moves.add(move(i, 1 + i % 30, i % 3 == 0 ? 9 : 5, i % 3 == 0 ? 5 : 9, 1, "done", "2026-11-20 10:00:00"));
        }
        apply("stock.move", moves);
        Map<String, TreeSet<Long>> kept = entries();
        assertThat(kept).containsKeys("shop|stock.move|location_id|5", "shop|stock.move|product_id|30",
                "shop|product.supplierinfo|product_tmpl_id|7", "shop|stock.quant|location_id|5");
        assertThat(kept.get("shop|stock.move|location_id|5")).hasSize(3_000);

        references.drop();
        try (ReadModel reopened = ReadModels.open(ReadModelConfig.builder()
                .connectionString(ChangeLogTest.uri(model)).build(), clock)) {
            assertThat(entries()).isEqualTo(kept);
            assertThat(reopened.reports().salesVelocity(VendorScope.of("shop", List.of(70L)), 7)).hasSize(20);
        }
    }

    private void apply(String m, List<OdooRecord> records) {
        model.projector().apply("shop", m, records, NOW);
    }

    private Map<String, TreeSet<Long>> entries() {
        Map<String, TreeSet<Long>> out = new TreeMap<>();
        for (Document d : references.find()) {
            TreeSet<Long> ids = new TreeSet<>();
            d.getList("ids", Number.class).forEach(n -> ids.add(n.longValue()));
            if (!ids.isEmpty()) {
                out.put(d.getString("_id"), ids);
            }
        }
        return out;
    }
}
