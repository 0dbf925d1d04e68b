package dev.odoobridge.sync.schema;

import java.util.List;
import java.util.Objects;

/**
 * A capability of odoo-bridge that needs fields only some Odoo servers have (depending on the
 * version and the installed modules). Without them the model still syncs; the feature is off.
 */
public enum Feature {
    /** Near-expiry and expired lot alerts: {@code stock.lot.expiration_date}, added by the product_expiry module. */
    LOT_EXPIRY("near-expiry alerts", "stock.lot", List.of("expiration_date"), "install product_expiry"),
    /**
     * The quantity multiple of reordering rules ({@code stock.warehouse.orderpoint.qty_multiple}) for
     * restock rounding: Odoo 17.0 and 18.0 have it, 19.0 dropped it.
     */
    REORDER_MULTIPLE("reordering quantity multiples", "stock.warehouse.orderpoint", List.of("qty_multiple"),
            "this Odoo has no qty_multiple on reordering rules (removed in 19.0)");

    private final String label;
    private final String model;
    private final List<String> fields;
    private final String remedy;

    Feature(String label, String model, List<String> fields, String remedy) {
        this.label = label;
        this.model = model;
        this.fields = fields;
        this.remedy = remedy;
    }

    /** A short name for people, e.g. "near-expiry alerts". */
    public String label() {
        return label;
    }

    /** The model whose fields the feature needs. */
    public String model() {
        return model;
    }

    /** The fields the feature needs; all must exist on the server. */
    public List<String> fields() {
        return fields;
    }

    /** What turns it on, or why it cannot be, e.g. "install product_expiry". */
    public String remedy() {
        return remedy;
    }

    /** The feature that needs this field of this model, if any. */
    public static java.util.Optional<Feature> of(String model, String field) {
        Objects.requireNonNull(model, "model == null");
        for (Feature f : values()) {
            if (f.model.equals(model) && f.fields.contains(field)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
