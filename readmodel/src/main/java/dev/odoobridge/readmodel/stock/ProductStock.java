package dev.odoobridge.readmodel.stock;

import java.util.List;
import java.util.Objects;

/**
 * The derived stock of one product in one source.
 *
 * @param source the source (Odoo database) name
 * @param productId product.product id
 * @param name product display name (null while the product itself is not synced yet)
 * @param defaultCode internal reference, or null
 * @param barcode barcode, or null
 * @param onHand sum of quants in internal locations
 * @param reserved reserved part of on hand
 * @param incoming confirmed / assigned moves arriving into internal locations
 * @param threshold the low-stock threshold
 * @param thresholdSource where the threshold came from
 * @param warehouses per-warehouse breakdown
 * @param vendors the product's vendors
 */
public record ProductStock(String source, long productId, String name, String defaultCode, String barcode, double onHand,
                           double reserved, double incoming, double threshold, ThresholdSource thresholdSource,
                           List<WarehouseStock> warehouses, List<VendorInfo> vendors) {
    public ProductStock {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(thresholdSource, "thresholdSource == null");
        warehouses = List.copyOf(warehouses);
        vendors = List.copyOf(vendors);
    }

    /** Where a threshold came from. */
    public enum ThresholdSource {
        /** Sum of the product's active reordering-rule minimums. */
        ORDERPOINT,
        /** The configured product field (e.g. {@code x_threshold}). */
        FIELD,
        /** The configured default. */
        DEFAULT
    }
}
