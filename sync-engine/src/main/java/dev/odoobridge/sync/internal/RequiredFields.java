package dev.odoobridge.sync.internal;

import dev.odoobridge.sync.schema.SchemaException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the built-in models the stock views, reports and restock cannot do without, with
 * the Odoo module that adds them. A group lists alternatives of which one is enough (storable
 * products: {@code is_storable} on 18.0 and later, {@code detailed_type} on 17.0). A group applies
 * only when the projection reads one of its fields.
 */
final class RequiredFields {
    private record Group(List<String> anyOf, String module) {
    }

    private static final Group STORABLE = new Group(List.of("is_storable", "detailed_type"), "stock");

    private static final Map<String, List<Group>> GROUPS = Map.ofEntries(
            Map.entry("product.product", List.of(STORABLE)),
            Map.entry("product.template", List.of(STORABLE)),
            Map.entry("stock.quant", all("stock", "product_id", "location_id", "quantity")),
            Map.entry("stock.move", all("stock", "product_id", "product_uom_qty", "state", "location_id", "location_dest_id")),
            Map.entry("stock.location", all("stock", "usage")),
            Map.entry("stock.lot", all("stock", "product_id")),
            Map.entry("stock.warehouse.orderpoint", all("stock", "product_id", "product_min_qty")),
            Map.entry("sale.order.line", all("sale", "order_id", "product_id", "product_uom_qty")),
            Map.entry("purchase.order.line", all("purchase", "order_id", "product_id", "product_qty")));

    private RequiredFields() {
    }

    private static List<Group> all(String module, String... fields) {
        List<Group> out = new ArrayList<>();
        for (String f : fields) {
            out.add(new Group(List.of(f), module));
        }
        return List.copyOf(out);
    }

    /**
     * @throws SchemaException naming the module when a needed field is missing
     */
    static void check(String source, String version, String model, Collection<String> projected, Set<String> onServer) {
        for (Group g : GROUPS.getOrDefault(model, List.of())) {
            if (g.anyOf().stream().noneMatch(projected::contains) || g.anyOf().stream().anyMatch(onServer::contains)) {
                continue;
            }
            String what = g.anyOf().size() == 1 ? "field " + g.anyOf().get(0) : "any of the fields " + String.join(", ", g.anyOf());
            throw new SchemaException(SchemaException.Kind.MISSING_MODULE, source, model, g.anyOf(),
                    model + " on " + source + " (Odoo " + version + ") has no " + what + ", which odoo-bridge needs to sync it; "
                            + "install the Odoo module " + g.module());
        }
    }

    /** The module that adds a model, for a missing model's message. */
    static String moduleOf(String model) {
        if (model.startsWith("stock.")) {
            return "stock";
        }
        if (model.startsWith("sale.")) {
            return "sale_management";
        }
        if (model.startsWith("purchase.")) {
            return "purchase";
        }
        if (model.startsWith("product.")) {
            return "product";
        }
        if (model.startsWith("mail.")) {
            return "mail";
        }
        return "base";
    }
}
