package dev.odoobridge.readmodel.report;

/**
 * A best-selling product.
 *
 * @param source source name
 * @param productId product.product id
 * @param name display name
 * @param quantity ordered quantity in confirmed orders
 * @param amount untaxed amount
 */
public record TopProduct(String source, long productId, String name, double quantity, double amount) {
}
