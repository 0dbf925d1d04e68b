package dev.odoobridge.vendors.restock;

import java.util.Objects;

/**
 * One proposed purchase line (or a product found covered, with quantity 0).
 *
 * @param source source name
 * @param productId product.product id
 * @param productName product display name
 * @param onHand on-hand quantity
 * @param incoming quantity already on its way
 * @param threshold low-stock threshold
 * @param dailyDemand forecast daily demand
 * @param minQty the supplier's minimum quantity, also used as pack size (0: none)
 * @param unitPrice the supplier's price
 * @param quantity proposed quantity (0 when the product is covered)
 * @param reason how the quantity was computed, for people reading the dry run
 */
public record RestockLine(String source, long productId, String productName, double onHand, double incoming,
                          double threshold, double dailyDemand, double minQty, double unitPrice, double quantity,
                          String reason) {
    public RestockLine {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(reason, "reason == null");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0, was " + quantity);
        }
    }
}
