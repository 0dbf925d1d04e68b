package dev.odoobridge.vendors.restock;

import java.util.List;

/**
 * A draft purchase order created in Odoo from a {@link RestockOrder}.
 *
 * @param source source name
 * @param partnerId the vendor's res.partner id
 * @param orderId the purchase.order id
 * @param lineIds the purchase.order.line ids, in the order of the proposed lines
 */
public record CreatedOrder(String source, long partnerId, long orderId, List<Long> lineIds) {
    public CreatedOrder {
        lineIds = List.copyOf(lineIds);
    }
}
