package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.location;
import static dev.odoobridge.readmodel.OdooRows.move;
import static dev.odoobridge.readmodel.OdooRows.orderpoint;
import static dev.odoobridge.readmodel.OdooRows.product;
import static dev.odoobridge.readmodel.OdooRows.quant;
import static dev.odoobridge.readmodel.OdooRows.row;
import static dev.odoobridge.readmodel.OdooRows.supplier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.stock.LotStock;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.VendorInfo;
import dev.odoobridge.readmodel.stock.WarehouseStock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs with the embedded server's default guard strategy; a subclass repeats every test with the filter guard. */
class StockViewsTest {
    private static final Instant F = Instant.parse("2026-11-21T20:00:00Z");
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().guardStrategy(strategy())
            .extraFields("product.product", List.of("x_threshold"))
            .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(7)).build());
    private final Projector p = model.projector();

    GuardStrategy strategy() {
        return GuardStrategy.AUTO;
    }

    @Test
    void quantMovedToAnotherProductLeavesTheFirstAndStaleVersionsChangeNothing() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1));
        apply("product.product", product(1, "Apple"), product(2, "Pear"));
        apply("stock.quant", quant(1, 1, 5, 10), quant(2, 1, 5, 2));
        assertThat(stock(1).onHand()).isEqualTo(12);

        p.apply("shop", "stock.quant", List.of(quant(1, 2, 5, 10, 0, "2026-11-21 19:20:00")), F);
        assertThat(stock(1).onHand()).isEqualTo(2);
        assertThat(stock(2).onHand()).isEqualTo(10);

        // the older version (still on product 1) is skipped and must not bring the quant back to product 1
        assertThat(p.apply("shop", "stock.quant", List.of(quant(1, 1, 5, 10)), F).skippedStale()).isEqualTo(1);
        apply("product.product", product(1, "Apple"));
        assertThat(stock(1).onHand()).isEqualTo(2);
        assertThat(stock(2).onHand()).isEqualTo(10);

        p.delete("shop", "stock.quant", List.of(1L));
        apply("product.product", product(2, "Pear"));
        assertThat(stock(2).onHand()).isZero();
    }

    @AfterEach
    void close() {
        model.close();
    }

    private ProductStock stock(long productId) {
        return model.stock().product("shop", productId).orElseThrow();
    }

    private void apply(String m, dev.odoobridge.client.OdooRecord... records) {
        p.apply("shop", m, List.of(records), F);
    }

    @Test
    void onHandCountsInternalLocationsAndFollowsQuantChanges() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1), location(6, "WH2/Stock", "internal", 2),
                location(9, "Customers", "customer", 0));
        apply("product.product", product(1, "Apple"));
        apply("stock.quant", quant(1, 1, 5, 10), quant(2, 1, 6, 4), quant(3, 1, 9, 100));
        ProductStock s = stock(1);
        assertThat(s.onHand()).isEqualTo(14);
        assertThat(s.name()).isEqualTo("Apple");
        assertThat(s.warehouses()).extracting(WarehouseStock::warehouseId, WarehouseStock::onHand)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 10.0), org.assertj.core.groups.Tuple.tuple(2L, 4.0));

        p.apply("shop", "stock.quant", List.of(quant(1, 1, 5, 3, 0, "2026-11-21 19:20:00")), F);
        assertThat(stock(1).onHand()).isEqualTo(7);
        p.delete("shop", "stock.quant", List.of(2L));
        assertThat(stock(1).onHand()).isEqualTo(3);
    }

    @Test
    void quantBeforeItsLocationIsCountedWhenTheLocationArrives() {
        apply("product.product", product(1, "Apple"));
        apply("stock.quant", quant(1, 1, 5, 10));
        assertThat(stock(1).onHand()).isZero();
        apply("stock.location", location(5, "WH/Stock", "internal", 1));
        assertThat(stock(1).onHand()).isEqualTo(10);
        p.apply("shop", "stock.location", List.of(row(5, "2026-11-21 19:30:00").with("name", "WH/Old").with("usage", "inventory")
                .with("warehouse_id", OdooRows.FALSE).build()), F);
        assertThat(stock(1).onHand()).isZero();
        p.delete("shop", "stock.location", List.of(5L));
        assertThat(stock(1).onHand()).isZero();
    }

    @Test
    void incomingCountsOpenMovesIntoInternalLocationsFromOutside() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1), location(4, "Vendors", "supplier", 0),
                location(7, "WH/Shelf", "internal", 1));
        apply("product.product", product(1, "Apple"));
        apply("stock.move", move(1, 1, 4, 5, 12, "assigned", OdooRows.T0), move(2, 1, 4, 5, 3, "confirmed", OdooRows.T0),
                move(3, 1, 4, 5, 50, "done", OdooRows.T0), move(4, 1, 7, 5, 8, "assigned", OdooRows.T0),
                move(5, 1, 4, 5, 9, "draft", OdooRows.T0));
        assertThat(stock(1).incoming()).isEqualTo(15);
        p.apply("shop", "stock.move", List.of(move(1, 1, 4, 5, 12, "done", "2026-11-21 19:30:00")), F);
        assertThat(stock(1).incoming()).isEqualTo(3);
    }

    @Test
    void thresholdComesFromOrderpointThenFieldThenDefault() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1));
        apply("product.product", product(1, "Apple"));
        assertThat(stock(1).threshold()).isEqualTo(7);
        assertThat(stock(1).thresholdSource()).isEqualTo(ProductStock.ThresholdSource.DEFAULT);

        p.apply("shop", "product.product", List.of(row(1, "2026-11-21 19:30:00").with("name", "Apple")
                .with("x_threshold", 12.0).m2o("product_tmpl_id", 1, "Apple").build()), F);
        assertThat(stock(1).threshold()).isEqualTo(12);
        assertThat(stock(1).thresholdSource()).isEqualTo(ProductStock.ThresholdSource.FIELD);

        apply("stock.warehouse.orderpoint", orderpoint(1, 1, 1, 20));
        assertThat(stock(1).threshold()).isEqualTo(20);
        assertThat(stock(1).thresholdSource()).isEqualTo(ProductStock.ThresholdSource.ORDERPOINT);
        assertThat(stock(1).warehouses()).singleElement().extracting(WarehouseStock::minQty).isEqualTo(20.0);

        p.delete("shop", "stock.warehouse.orderpoint", List.of(1L));
        assertThat(stock(1).threshold()).isEqualTo(12);
    }

    @Test
    void vendorsByProductOrTemplate() {
        apply("product.product", product(1, "Apple"), product(2, "Pear"));
        apply("product.supplierinfo", supplier(1, 70, 1, 1),
                row(2).m2o("partner_id", 71, "Fruit Co").m2o("product_tmpl_id", 2, "Pear").with("product_id", OdooRows.FALSE)
                        .with("min_qty", 5.0).with("price", 1.25).with("product_code", "FC-2").build());
        assertThat(stock(1).vendors()).extracting(VendorInfo::partnerId).containsExactly(70L);
        assertThat(stock(2).vendors()).singleElement()
                .isEqualTo(new VendorInfo(71, "Fruit Co", 5.0, 1.25, "FC-2"));

        p.delete("shop", "product.supplierinfo", List.of(1L));
        assertThat(stock(1).vendors()).isEmpty();
    }

    @Test
    void productDeletedWithoutStockDisappearsFromTheView() {
        apply("product.product", product(1, "Apple"));
        assertThat(model.stock().product("shop", 1)).isPresent();
        p.delete("shop", "product.product", List.of(1L));
        assertThat(model.stock().product("shop", 1)).isEmpty();
    }

    @Test
    void lotsCarryExpiryAndInternalQuantity() {
        apply("stock.location", location(5, "WH/Stock", "internal", 1), location(9, "Customers", "customer", 0));
        apply("stock.lot", row(3).with("name", "L-3").m2o("product_id", 1, "Apple")
                .with("expiration_date", "2026-12-01 00:00:00").build());
        apply("stock.quant", quant(1, 1, 5, 4, 3, OdooRows.T0), quant(2, 1, 9, 40, 3, OdooRows.T0));
        assertThat(model.stock().lots("shop", 1)).singleElement().isEqualTo(new LotStock("shop", 3, "L-3", 1, "Apple",
                Instant.parse("2026-12-01T00:00:00Z"), 4.0));
        p.delete("shop", "stock.quant", List.of(1L));
        assertThat(model.stock().lots("shop", 1)).singleElement().extracting(LotStock::quantity).isEqualTo(0.0);
        p.deleteAll("shop", "stock.lot");
        assertThat(model.stock().lots("shop", 1)).isEmpty();
    }
}
