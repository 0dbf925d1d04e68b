package dev.odoobridge.readmodel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.VendorInfo;
import dev.odoobridge.readmodel.stock.WarehouseStock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/** A stock view document read from its BSON: every numeric type, odd values, unknown fields, fields in any order. */
class ProductStockBsonTest {
    private static final Codec<Document> DOCUMENT = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    @Test
    void readsTheViewAsTheProjectorWritesIt() {
        Document view = new Document("_id", "shop:7").append("_source", "shop").append("product_id", 7L)
                .append("name", "Milk 1 L").append("default_code", "MLK1").append("barcode", "4006381333931")
                .append("on_hand", 12.5).append("reserved", 2.0).append("incoming", 30.0).append("threshold", 10.0)
                .append("threshold_from", "orderpoint").append("vendor_ids", List.of(42L))
                .append("warehouses", List.of(new Document("warehouse_id", 1L).append("warehouse_name", "WH")
                        .append("on_hand", 12.5).append("reserved", 2.0).append("incoming", 30.0).append("min_qty", 10.0)))
                .append("vendors", List.of(new Document("partner_id", 42L).append("name", "Dairy Co").append("min_qty", 6.0)
                        .append("price", 0.79).append("product_code", "DC-1")))
                .append("_write_date", new Date(0)).append("_seq", 9L);

        assertThat(ProductStockBson.read(new RawBsonDocument(view, DOCUMENT))).isEqualTo(new ProductStock("shop", 7L,
                "Milk 1 L", "MLK1", "4006381333931", 12.5, 2.0, 30.0, 10.0, ProductStock.ThresholdSource.ORDERPOINT,
                List.of(new WarehouseStock(1L, "WH", 12.5, 2.0, 30.0, 10.0)),
                List.of(new VendorInfo(42L, "Dairy Co", 6.0, 0.79, "DC-1"))));
    }

    @Test
    void numbersOfAnyTypeStringsOrNullAndOnlyDocumentsInTheArrays() {
        Document view = new Document("warehouses", Arrays.asList(new Document("min_qty", new Decimal128(3))
                        .append("warehouse_id", 2).append("on_hand", 4).append("other", List.of(1, 2)), "not a document", null))
                .append("threshold_from", "DEFAULT").append("product_id", 9.0).append("on_hand", new Decimal128(5))
                .append("reserved", "lots").append("incoming", null).append("threshold", 1_234_567_890_123L)
                .append("_source", "eu").append("name", 17).append("barcode", null)
                .append("vendors", List.of(new Document("partner_id", 3).append("product_code", false)
                        .append("price", 1.5)));

        ProductStock read = ProductStockBson.read(new RawBsonDocument(view, DOCUMENT));

        assertThat(read).isEqualTo(new ProductStock("eu", 9L, null, null, null, 5.0, 0.0, 0.0, 1_234_567_890_123.0,
                ProductStock.ThresholdSource.DEFAULT, List.of(new WarehouseStock(2L, null, 4.0, 0.0, 0.0, 3.0)),
                List.of(new VendorInfo(3L, null, 0.0, 1.5, null))));
    }

    @Test
    void aViewWithoutItsThresholdSourceIsRefusedByName() {
        Document view = new Document("_source", "shop").append("product_id", 3L);
        assertThatThrownBy(() -> ProductStockBson.read(new RawBsonDocument(view, DOCUMENT)))
                .hasMessageContaining("shop:3").hasMessageContaining("threshold_from");
    }
}
