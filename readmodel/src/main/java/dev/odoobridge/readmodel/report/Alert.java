package dev.odoobridge.readmodel.report;

import java.time.Instant;

/**
 * Something a vendor or the shop should act on.
 *
 * @param kind what kind of alert
 * @param source source name
 * @param productId product.product id
 * @param productName display name
 * @param quantity on hand (low stock) or quantity of the lot (expiry)
 * @param threshold the threshold (low stock), else 0
 * @param lotId stock.lot id (expiry), else 0
 * @param lotName lot name (expiry), else null
 * @param expirationDate the lot's expiry (expiry), else null
 */
public record Alert(Kind kind, String source, long productId, String productName, double quantity, double threshold, long lotId,
                    String lotName, Instant expirationDate) {
    /** Alert kinds. */
    public enum Kind {
        /** On hand at or below the threshold. */
        LOW_STOCK,
        /**
         * A lot with stock (its quants in internal locations sum to more than zero) expires after now and within the
         * configured number of days.
         */
        NEAR_EXPIRY,
        /** A lot with stock has expired: its expiration date is now or past (product_expiry's {@code product_expiry_alert}). */
        EXPIRED
    }
}
