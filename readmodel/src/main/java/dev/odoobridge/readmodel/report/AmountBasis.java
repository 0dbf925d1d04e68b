package dev.odoobridge.readmodel.report;

/** Which order-line amount the sales reports sum. */
public enum AmountBasis {
    /** Untaxed: {@code sale.order.line.price_subtotal} (Odoo's "Untaxed Amount"; the default). */
    UNTAXED("price_subtotal"),
    /** Taxes included: {@code sale.order.line.price_total}. */
    TAXED("price_total");

    private final String field;

    AmountBasis(String field) {
        this.field = field;
    }

    /** The sale.order.line field summed. */
    public String field() {
        return field;
    }
}
