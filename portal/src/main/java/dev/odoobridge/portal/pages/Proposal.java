package dev.odoobridge.portal.pages;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A restock proposal a vendor submitted: one draft purchase order in a shop's Odoo.
 *
 * @param vendor the vendor who proposed it
 * @param source the shop
 * @param orderId the purchase.order id
 * @param partnerId the vendor's res.partner id in that shop
 * @param orderName the order's reference in Odoo (e.g. P00042), or null when it could not be read
 * @param createdAt when it was proposed
 * @param lines the lines as proposed
 */
public record Proposal(String vendor, String source, long orderId, long partnerId, String orderName, Instant createdAt,
                       List<Line> lines) {
    public Proposal {
        Objects.requireNonNull(vendor, "vendor == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        lines = List.copyOf(lines);
    }

    /** Sum of quantity × unit price. */
    public double total() {
        return lines.stream().mapToDouble(l -> l.quantity() * l.unitPrice()).sum();
    }

    /**
     * One proposed line.
     *
     * @param productId product.product id
     * @param productName its name
     * @param quantity quantity proposed
     * @param unitPrice the supplier's price
     */
    public record Line(long productId, String productName, double quantity, double unitPrice) {
    }
}
