package dev.odoobridge.readmodel.report;

import java.time.LocalDate;

/**
 * One day of a product's stock history, from its done stock moves (days in UTC).
 *
 * @param day the day
 * @param delivered quantity delivered to customers that day: done moves from an internal to a customer location (the
 *     rule of {@link Reports#salesVelocity})
 * @param received quantity that entered the internal locations that day: done moves from a non-internal location into
 *     an internal one (receipts, returns, inventory gains)
 * @param shipped quantity that left the internal locations that day: done moves from an internal location to a
 *     non-internal one (deliveries included, scrap, inventory losses)
 * @param onHand the on-hand quantity at the end of the day, reconstructed backwards from today's on hand
 *     ({@link ProductTrend} states the rule)
 */
public record DailyStock(LocalDate day, double delivered, double received, double shipped, double onHand) {
}
