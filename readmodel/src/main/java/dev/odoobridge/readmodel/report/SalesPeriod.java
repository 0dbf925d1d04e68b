package dev.odoobridge.readmodel.report;

import java.time.LocalDate;

/**
 * Sales of one period from confirmed sale order lines.
 *
 * @param start first day of the period
 * @param quantity ordered quantity
 * @param amount untaxed amount (sum of line subtotals)
 * @param lines number of order lines
 */
public record SalesPeriod(LocalDate start, double quantity, double amount, long lines) {
}
