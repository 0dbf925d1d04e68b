package dev.odoobridge.readmodel.stock;

import java.time.Instant;

/**
 * A lot with its expiry and the quantity left in internal locations.
 *
 * @param source the source name
 * @param lotId stock.lot id
 * @param name lot name
 * @param productId product.product id, or 0 when unknown
 * @param productName product display name, or null
 * @param expirationDate expiry, or null when the lot has none
 * @param quantity quantity in internal locations
 */
public record LotStock(String source, long lotId, String name, long productId, String productName, Instant expirationDate,
                       double quantity) {
}
