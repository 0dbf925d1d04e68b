package dev.odoobridge.readmodel.report;

import java.time.Instant;

/**
 * A customer's purchasing activity from confirmed sale orders.
 *
 * @param source source name
 * @param partnerId res.partner id
 * @param name display name
 * @param orders number of confirmed orders
 * @param total sum of order totals
 * @param firstPurchase first order date
 * @param lastPurchase last order date
 * @param segment the segment
 */
public record CustomerActivity(String source, long partnerId, String name, long orders, double total, Instant firstPurchase,
                               Instant lastPurchase, Segment segment) {
    /** Simple activity segments. */
    public enum Segment {
        /** First purchase within the last 30 days. */
        NEW,
        /** Last purchase within the last 90 days. */
        ACTIVE,
        /** No purchase for more than 90 days. */
        LAPSED
    }
}
