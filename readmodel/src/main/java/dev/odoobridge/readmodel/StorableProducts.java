package dev.odoobridge.readmodel;

import java.util.Map;

/**
 * Whether a product keeps stock, the same way on every supported Odoo version. Odoo 17.0 marks a
 * storable product with {@code detailed_type = 'product'} (its {@code type} is {@code 'product'} too);
 * Odoo 18.0 and 19.0 with {@code type = 'consu'} and {@code is_storable = true}. The read model keeps
 * Odoo's own fields as the server sends them and adds the derived boolean {@value #FIELD} to every
 * {@code product.product} and {@code product.template} document; stock views copy it, and the stock
 * reports (stock status, low-stock alerts, restock proposals) leave out products known not to be
 * storable. A document whose record carried none of those fields has no {@value #FIELD}: such a
 * product is treated as storable.
 */
public final class StorableProducts {
    /** The derived document field. */
    public static final String FIELD = "storable";

    private StorableProducts() {
    }

    /**
     * Derives the marker from a record's fields as Odoo sends them: {@code is_storable} (18.0+) when
     * present, else {@code detailed_type} (17.0), else a 17.0 {@code type} of {@code 'product'}.
     *
     * @return true or false, or null when the values do not tell
     */
    public static Boolean storable(Map<String, ?> values) {
        if (values.containsKey("is_storable")) {
            return Boolean.TRUE.equals(values.get("is_storable"));
        }
        if (values.containsKey("detailed_type")) {
            return "product".equals(values.get("detailed_type"));
        }
        if ("product".equals(values.get("type"))) {
            return Boolean.TRUE;
        }
        return null;
    }

    /** True for the models whose documents carry {@value #FIELD}. */
    public static boolean appliesTo(String model) {
        return "product.product".equals(model) || "product.template".equals(model);
    }
}
