package dev.odoobridge.readmodel.stock;

/**
 * One vendor line of a product (from product.supplierinfo).
 *
 * @param partnerId the vendor's res.partner id
 * @param name the vendor's name as Odoo displays it
 * @param minQty minimum order quantity
 * @param price unit price
 * @param productCode the vendor's own product code, or null
 */
public record VendorInfo(long partnerId, String name, double minQty, double price, String productCode) {
}
