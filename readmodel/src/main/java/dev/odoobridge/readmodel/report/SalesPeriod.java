package dev.odoobridge.readmodel.report;

import java.time.LocalDate;

/**
 * Sales of one period among the lines a {@link SalesQuery} counts.
 *
 * @param start first day of the period (in the query's zone)
 * @param quantity ordered quantity ({@code product_uom_qty})
 * @param amount summed line amount (untaxed {@code price_subtotal} or taxed {@code price_total}, per the query)
 * @param lines number of order lines
 */
public record SalesPeriod(LocalDate start, double quantity, double amount, long lines) {
}
