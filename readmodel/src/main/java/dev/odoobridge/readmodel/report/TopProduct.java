package dev.odoobridge.readmodel.report;

/**
 * A best-selling product among the lines a {@link SalesQuery} counts.
 *
 * @param source source name
 * @param productId product.product id
 * @param name the product's display name as the order lines carry it
 * @param quantity ordered quantity ({@code product_uom_qty})
 * @param amount summed line amount (untaxed or taxed, per the query)
 * @param lines number of order lines
 */
public record TopProduct(String source, long productId, String name, double quantity, double amount, long lines) {
}
