package dev.odoobridge.readmodel.internal;

import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.VendorInfo;
import dev.odoobridge.readmodel.stock.WarehouseStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;

/**
 * A {@code product_stock} document read from its BSON into a {@link ProductStock} in one pass, with no
 * {@code Document} in between (a product request reads one; decoding it to a map of boxed values was a quarter of
 * that request's garbage). Numbers of any BSON numeric type are read as numbers (any other value as 0), strings as
 * strings (any other value as null), the warehouse and vendor arrays element by element (elements that are not
 * documents skipped); fields it does not know are skipped.
 */
final class ProductStockBson {
    private ProductStockBson() {
    }

    static ProductStock read(RawBsonDocument document) {
        try (BsonBinaryReader r = new BsonBinaryReader(document.getByteBuffer().asNIO())) {
            r.readStartDocument();
            String source = null;
            long productId = 0;
            String name = null;
            String defaultCode = null;
            String barcode = null;
            double onHand = 0;
            double reserved = 0;
            double incoming = 0;
            double threshold = 0;
            String thresholdFrom = null;
            List<WarehouseStock> warehouses = List.of();
            List<VendorInfo> vendors = List.of();
            while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (r.readName()) {
                    case "_source" -> source = string(r);
                    case "product_id" -> productId = integer(r);
                    case "name" -> name = string(r);
                    case "default_code" -> defaultCode = string(r);
                    case "barcode" -> barcode = string(r);
                    case "on_hand" -> onHand = number(r);
                    case "reserved" -> reserved = number(r);
                    case "incoming" -> incoming = number(r);
                    case "threshold" -> threshold = number(r);
                    case "threshold_from" -> thresholdFrom = string(r);
                    case "warehouses" -> warehouses = documents(r, ProductStockBson::warehouse);
                    case "vendors" -> vendors = documents(r, ProductStockBson::vendor);
                    default -> r.skipValue();
                }
            }
            if (thresholdFrom == null) {
                throw new IllegalStateException("product_stock " + source + ":" + productId + " has no threshold_from");
            }
            return new ProductStock(source, productId, name, defaultCode, barcode, onHand, reserved, incoming, threshold,
                    ProductStock.ThresholdSource.valueOf(thresholdFrom.toUpperCase(Locale.ROOT)), warehouses, vendors);
        }
    }

    private static WarehouseStock warehouse(BsonReader r) {
        long id = 0;
        String name = null;
        double onHand = 0;
        double reserved = 0;
        double incoming = 0;
        double minQty = 0;
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (r.readName()) {
                case "warehouse_id" -> id = integer(r);
                case "warehouse_name" -> name = string(r);
                case "on_hand" -> onHand = number(r);
                case "reserved" -> reserved = number(r);
                case "incoming" -> incoming = number(r);
                case "min_qty" -> minQty = number(r);
                default -> r.skipValue();
            }
        }
        return new WarehouseStock(id, name, onHand, reserved, incoming, minQty);
    }

    private static VendorInfo vendor(BsonReader r) {
        long partnerId = 0;
        String name = null;
        double minQty = 0;
        double price = 0;
        String productCode = null;
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (r.readName()) {
                case "partner_id" -> partnerId = integer(r);
                case "name" -> name = string(r);
                case "min_qty" -> minQty = number(r);
                case "price" -> price = number(r);
                case "product_code" -> productCode = string(r);
                default -> r.skipValue();
            }
        }
        return new VendorInfo(partnerId, name, minQty, price, productCode);
    }

    /** The array's documents, each read by {@code element} (between its start and end); other elements skipped. */
    private static <T> List<T> documents(BsonReader r, java.util.function.Function<BsonReader, T> element) {
        if (r.getCurrentBsonType() != BsonType.ARRAY) {
            r.skipValue();
            return List.of();
        }
        List<T> out = new ArrayList<>();
        r.readStartArray();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            if (r.getCurrentBsonType() == BsonType.DOCUMENT) {
                r.readStartDocument();
                out.add(element.apply(r));
                r.readEndDocument();
            } else {
                r.skipValue();
            }
        }
        r.readEndArray();
        return out;
    }

    private static String string(BsonReader r) {
        if (r.getCurrentBsonType() == BsonType.STRING) {
            return r.readString();
        }
        r.skipValue();
        return null;
    }

    /** A number of any BSON numeric type as a long (as {@code Number.longValue}), anything else as 0. */
    private static long integer(BsonReader r) {
        return switch (r.getCurrentBsonType()) {
            case INT32 -> r.readInt32();
            case INT64 -> r.readInt64();
            case DOUBLE -> (long) r.readDouble();
            case DECIMAL128 -> r.readDecimal128().longValue();
            default -> {
                r.skipValue();
                yield 0;
            }
        };
    }

    /** A number of any BSON numeric type as a double, anything else as 0. */
    private static double number(BsonReader r) {
        return switch (r.getCurrentBsonType()) {
            case INT32 -> r.readInt32();
            case INT64 -> r.readInt64();
            case DOUBLE -> r.readDouble();
            case DECIMAL128 -> r.readDecimal128().doubleValue();
            default -> {
                r.skipValue();
                yield 0;
            }
        };
    }
}
