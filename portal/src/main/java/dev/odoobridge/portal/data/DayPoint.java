package dev.odoobridge.portal.data;

import java.time.LocalDate;

/**
 * One day of a product's trend.
 *
 * @param day the day (UTC)
 * @param sold units delivered to customers that day
 * @param onHand on-hand quantity at the end of the day
 */
public record DayPoint(LocalDate day, double sold, double onHand) {
}
