package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreReads;
import dev.odoobridge.readmodel.stock.LotStock;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.VendorInfo;
import dev.odoobridge.readmodel.stock.WarehouseStock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read model's stock views read the embedded store in process when it serves the read model from this process
 * (started by the read model, or reached by its connection string), and answer exactly what they answer through the
 * driver over the wire: products with several warehouses and vendors, missing products, lots with and without expiry
 * in the order MongoDB sorts them (expiry, nulls first, then lot id), and nothing of another source.
 */
class InProcessStockViewsIT {
    private static final Instant AT = Instant.parse("2026-11-21T20:00:00Z");
    private static final String T0 = "2026-11-21 19:14:19";

    @TempDir
    Path dir;

    @Test
    void aFileStoreStartedByTheReadModelIsReadInProcessAsThroughTheDriver() {
        try (ReadModel inProcess = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build());
             ReadModel driver = ReadModels.open(ReadModelConfig.builder().connectionString(inProcess.connectionString())
                     .inProcessReads(false).build())) {
            assertThat(StoreReads.inProcess(inProcess.connectionString())).isPresent();
            project(inProcess.projector());
            compare(inProcess, driver);
        }
    }

    @Test
    void aStoreReachedByItsConnectionStringIsReadInProcessAndOnlyWhenAsked() {
        try (RunningStore store = EmbeddedMongoServer.inMemory()) {
            String address = new ConnectionString(store.connectionString()).getHosts().get(0);
            StoreReads served = StoreReads.inProcess(store.connectionString()).orElseThrow();
            AtomicInteger finds = new AtomicInteger();
            StoreReads counting = (database, collection, filter, sort, limit) -> {
                finds.incrementAndGet();
                return served.find(database, collection, filter, sort, limit);
            };
            InProcessStores.register(address, counting);
            try (ReadModel inProcess = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString())
                         .build());
                 ReadModel driver = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString())
                         .inProcessReads(false).build())) {
                project(inProcess.projector());

                finds.set(0);
                driver.stock().product("shop", 1);
                driver.stock().lots("shop", 1);
                assertThat(finds).as("reads of the read model told to use the driver").hasValue(0);
                inProcess.stock().product("shop", 1);
                inProcess.stock().lots("shop", 1);
                assertThat(finds).as("reads of the read model served in process").hasValue(2);

                compare(inProcess, driver);
            } finally {
                InProcessStores.unregister(address, counting);
                InProcessStores.register(address, served);
            }
        }
    }

    /** Every product and lot answer of both read models, for both sources, known and unknown products. */
    private static void compare(ReadModel inProcess, ReadModel driver) {
        for (String source : List.of("shop", "other", "nosuch")) {
            for (long id : new long[] {1, 2, 3, 4, 5, 6, 999}) {
                assertThat(inProcess.stock().product(source, id)).as("product %s %d", source, id)
                        .isEqualTo(driver.stock().product(source, id));
                assertThat(inProcess.stock().lots(source, id)).as("lots %s %d", source, id)
                        .isEqualTo(driver.stock().lots(source, id));
            }
        }
        // the answers compared are not empty ones
        ProductStock apple = inProcess.stock().product("shop", 1).orElseThrow();
        assertThat(apple.name()).isEqualTo("Apple");
        assertThat(apple.onHand()).isEqualTo(4 + 5 + 6 + 7 + 8 + 9);
        assertThat(apple.warehouses()).extracting(WarehouseStock::warehouseId).containsExactly(1L, 2L);
        assertThat(apple.vendors()).extracting(VendorInfo::partnerId, VendorInfo::productCode)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(70L, "V-70"),
                        org.assertj.core.groups.Tuple.tuple(71L, null));
        assertThat(apple.thresholdSource()).isEqualTo(ProductStock.ThresholdSource.ORDERPOINT);
        assertThat(inProcess.stock().product("shop", 2).orElseThrow().vendors()).extracting(VendorInfo::partnerId)
                .containsExactly(72L);
        assertThat(inProcess.stock().product("shop", 999)).isEmpty();
        assertThat(inProcess.stock().product("nosuch", 1)).isEmpty();
        // expiry ascending, lots without expiry (null) first, ties by lot id
        List<LotStock> lots = inProcess.stock().lots("shop", 1);
        assertThat(lots).extracting(LotStock::lotId).containsExactly(11L, 14L, 12L, 13L, 10L, 15L);
        assertThat(lots).extracting(LotStock::expirationDate).containsExactly(null, null,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-05T08:30:00Z"), Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(lots).allSatisfy(l -> assertThat(l.source()).isEqualTo("shop"));
        assertThat(inProcess.stock().lots("other", 1)).extracting(LotStock::lotId, LotStock::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, 40.0));
        assertThat(inProcess.stock().product("other", 1).orElseThrow().name()).isEqualTo("Apple (other)");
        assertThat(inProcess.stock().lots("shop", 2)).extracting(LotStock::lotId).containsExactly(16L);
        assertThat(inProcess.stock().lots("shop", 3)).isEmpty();
    }

    /** Stock of two sources: products in two warehouses, vendors by product and by template, lots of several expiries. */
    private static void project(Projector p) {
        for (String source : List.of("shop", "other")) {
            p.apply(source, "stock.location", List.of(location(5, "WH/Stock", "internal", 1),
                    location(6, "WH2/Stock", "internal", 2), location(9, "Customers", "customer", 0)), AT);
        }
        p.apply("shop", "product.product", List.of(product(1, "Apple"), product(2, "Pear"), product(3, "Plum"),
                product(4, "Fig"), product(5, "Kiwi")), AT);
        p.apply("other", "product.product", List.of(product(1, "Apple (other)"), product(6, "Lime")), AT);
        p.apply("shop", "product.supplierinfo", List.of(supplier(1, 70, 1, 1, "V-70"), supplier(2, 71, 1, 1, false),
                supplier(3, 72, 2, 0, "T-2")), AT);
        p.apply("other", "product.supplierinfo", List.of(supplier(1, 80, 1, 1, "O-80")), AT);
        p.apply("shop", "stock.warehouse.orderpoint", List.of(row(1).m2o("product_id", 1, "Apple")
                .m2o("warehouse_id", 1, "WH1").with("product_min_qty", 12.0).with("product_max_qty", 30.0)
                .with("active", true).build()), AT);
        p.apply("shop", "stock.lot", List.of(lot(10, 1, "2026-12-05 08:30:00"), lot(11, 1, false),
                lot(12, 1, "2026-12-01 00:00:00"), lot(13, 1, "2026-12-01 00:00:00"), lot(14, 1, false),
                lot(15, 1, "2027-03-01 00:00:00"), lot(16, 2, "2026-12-24 00:00:00")), AT);
        p.apply("other", "stock.lot", List.of(lot(10, 1, "2026-11-30 00:00:00")), AT);
        p.apply("shop", "stock.quant", List.of(quant(1, 1, 5, 4, 10), quant(2, 1, 5, 5, 11), quant(3, 1, 6, 6, 12),
                quant(4, 1, 6, 7, 13), quant(5, 1, 5, 8, 14), quant(6, 1, 6, 9, 15), quant(7, 1, 9, 100, 10),
                quant(8, 2, 5, 3, 16), quant(9, 4, 6, 2.5, 0)), AT);
        p.apply("other", "stock.quant", List.of(quant(1, 1, 5, 40, 10), quant(2, 6, 5, 1, 0)), AT);
    }

    private static OdooRecord product(long id, String name) {
        return row(id).with("name", name).with("display_name", name).with("default_code", "C" + id)
                .with("barcode", id % 2 == 0 ? (Object) ("400000" + id) : false).m2o("product_tmpl_id", id, name)
                .with("active", true).build();
    }

    private static OdooRecord location(long id, String name, String usage, long warehouseId) {
        return row(id).with("name", name).with("complete_name", name).with("usage", usage)
                .m2o("warehouse_id", warehouseId, "WH" + warehouseId).with("active", true).build();
    }

    private static OdooRecord supplier(long id, long partnerId, long tmplId, long productId, Object code) {
        return row(id).m2o("partner_id", partnerId, "Vendor " + partnerId).m2o("product_tmpl_id", tmplId, "T" + tmplId)
                .m2o("product_id", productId, "P" + productId).with("min_qty", 1.0 + id).with("price", 2.5 * id)
                .with("product_code", code).with("delay", 3).build();
    }

    private static OdooRecord lot(long id, long productId, Object expiry) {
        return row(id).with("name", "L-" + id).m2o("product_id", productId, "P" + productId)
                .with("expiration_date", expiry).build();
    }

    private static OdooRecord quant(long id, long productId, long locationId, double qty, long lotId) {
        return row(id).m2o("product_id", productId, "P" + productId).m2o("location_id", locationId, "L" + locationId)
                .m2o("lot_id", lotId, "LOT" + lotId).with("quantity", qty).with("reserved_quantity", 0.0).build();
    }

    private static Row row(long id) {
        return new Row(id);
    }

    /** A record in the shape Odoo sends it: many2one {@code [id, "name"]}, {@code False} for empty. */
    private static final class Row {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Row(long id) {
            values.put("id", (int) id);
            values.put("write_date", T0);
        }

        Row with(String field, Object value) {
            values.put(field, value);
            return this;
        }

        Row m2o(String field, long id, String name) {
            return with(field, id == 0 ? Boolean.FALSE : List.of((int) id, name));
        }

        OdooRecord build() {
            return OdooRecord.of(values);
        }
    }
}
