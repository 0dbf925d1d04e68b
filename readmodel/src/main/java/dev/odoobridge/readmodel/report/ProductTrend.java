package dev.odoobridge.readmodel.report;

import dev.odoobridge.readmodel.stock.LotStock;
import java.util.List;

/**
 * One product's recent history inside a vendor's scope: its stock status, one {@link DailyStock} per day and its lots
 * in stock.
 *
 * <p>The end-of-day on hand is reconstructed backwards from today's on hand (the sum of the product's quants in
 * internal locations, as {@link Reports#stockStatus} reports it), which is today's end-of-day value; for every earlier
 * day {@code d}: {@code onHand(d) = onHand(d + 1) - received(d + 1) + shipped(d + 1)}. Moves between two internal
 * locations leave the total unchanged and are not counted; moves that are not done, or are dated after today, are not
 * counted either. Where the move history is incomplete (moves not synced, inventory adjustments made outside stock
 * moves), the reconstructed values can drift and even go below zero: they are shown as computed, not clamped.
 *
 * @param status the product's stock status row
 * @param days one entry per day, oldest first, today last
 * @param lots the product's lots with a positive quantity in internal locations, earliest expiry first (lots without
 *     expiry last)
 */
public record ProductTrend(StockStatusRow status, List<DailyStock> days, List<LotStock> lots) {
    public ProductTrend {
        days = List.copyOf(days);
        lots = List.copyOf(lots);
    }
}
