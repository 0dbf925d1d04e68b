package dev.odoobridge.readmodel.report;

import java.time.LocalDate;

/**
 * Quantity sold on one day (UTC).
 *
 * @param day the day
 * @param quantity quantity shipped to customers
 */
public record DailySales(LocalDate day, double quantity) {
}
