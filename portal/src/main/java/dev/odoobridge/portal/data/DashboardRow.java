package dev.odoobridge.portal.data;

import dev.odoobridge.readmodel.report.StockStatus;
import java.time.LocalDate;

/**
 * One product of one shop on a vendor's dashboard.
 *
 * @param source the shop (source name)
 * @param productId product.product id in that shop
 * @param name display name
 * @param defaultCode internal reference, or null
 * @param barcode barcode, or null
 * @param onHand on-hand quantity
 * @param incoming incoming quantity
 * @param threshold the reorder threshold
 * @param status urgent / moderate / healthy badge
 * @param dailyVelocity units delivered per day over the sales window
 * @param daysOfCover on hand / daily demand, or null without demand
 * @param stockoutDate the day stock runs out at the forecast rate, or null without demand
 * @param lotsNearExpiry lots of the product expiring within the near-expiry window (expired ones included)
 * @param nearestExpiry the earliest expiry date of a lot in stock, or null
 */
public record DashboardRow(String source, long productId, String name, String defaultCode, String barcode, double onHand,
                           double incoming, double threshold, StockStatus status, double dailyVelocity, Double daysOfCover,
                           LocalDate stockoutDate, int lotsNearExpiry, LocalDate nearestExpiry) {
}
