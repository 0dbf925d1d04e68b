package dev.odoobridge.readmodel.report;

/**
 * One product's stock status.
 *
 * @param source source name
 * @param productId product.product id
 * @param name display name
 * @param defaultCode internal reference, or null
 * @param barcode barcode, or null
 * @param onHand on-hand quantity (q)
 * @param incoming incoming quantity
 * @param threshold threshold (T)
 * @param status the status
 */
public record StockStatusRow(String source, long productId, String name, String defaultCode, String barcode, double onHand,
                             double incoming, double threshold, StockStatus status) {
}
