package dev.odoobridge.vendors.restock;

import java.util.List;
import java.util.Objects;

/**
 * A proposed purchase order: the lines of one vendor partner in one source.
 *
 * @param source source name
 * @param partnerId the vendor's res.partner id
 * @param partnerName the vendor's name
 * @param lines lines with a positive quantity
 */
public record RestockOrder(String source, long partnerId, String partnerName, List<RestockLine> lines) {
    public RestockOrder {
        Objects.requireNonNull(source, "source == null");
        lines = List.copyOf(lines);
    }

    /** Sum of quantity × unit price. */
    public double total() {
        return lines.stream().mapToDouble(l -> l.quantity() * l.unitPrice()).sum();
    }
}
