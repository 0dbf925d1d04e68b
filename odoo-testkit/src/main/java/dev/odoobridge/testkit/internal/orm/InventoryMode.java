package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * stock.quant in inventory mode (context {@code inventory_mode}): a create that sets the counted quantity writes it
 * on the existing quant of that product, location, lot, package and owner (or makes one) and answers that quant's
 * id; {@code action_apply_inventory} makes the counted quantity the quantity on hand and clears the count.
 */
final class InventoryMode {
    private static final List<String> KEY = List.of("product_id", "location_id", "lot_id", "package_id", "owner_id");

    private InventoryMode() {
    }

    /** stock.quant's create: inventory mode as above, else a plain create. */
    static Object create(Call c) {
        Object vals = c.args().get("vals_list");
        if (!c.records().ctx().inventoryMode() || !(vals instanceof Map<?, ?> || vals instanceof List<?>)) {
            return Methods.createRecords(c);
        }
        List<?> list = vals instanceof Map<?, ?> single ? List.of(single) : (List<?>) vals;
        List<Integer> ids = new ArrayList<>();
        for (Object one : list) {
            if (!(one instanceof Map<?, ?> map) || !counts(map)) {
                ids.addAll(c.writer().create(c.model().name(), List.of(one), true));
                continue;
            }
            Map<Object, Object> values = new LinkedHashMap<>(map);
            Object counted = values.remove("inventory_quantity_auto_apply");
            if (counted == null) {
                counted = values.remove("inventory_quantity");
            }
            Integer existing = existing(c, values);
            Map<String, Object> count = Map.of("inventory_quantity", counted == null ? 0.0 : counted,
                    "inventory_quantity_set", true);
            if (existing != null) {
                c.writer().write(c.model().name(), new int[] {existing}, count, true);
                ids.add(existing);
            } else {
                values.putAll(count);
                ids.addAll(c.writer().create(c.model().name(), List.of(values), true));
            }
        }
        return vals instanceof Map<?, ?> && !c.args().named() ? ids.get(0) : ids;
    }

    /** Makes each quant's counted quantity its quantity and clears the count. */
    static void apply(Call c) {
        FieldDef counted = c.model().field("inventory_quantity");
        for (int id : c.args().idArray()) {
            if (!c.table().exists(id)) {
                continue;
            }
            Object quantity = c.table().value(id, counted);
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("quantity", quantity == null ? 0.0 : quantity);
            vals.put("inventory_quantity", 0.0);
            vals.put("inventory_quantity_set", false);
            c.writer().write(c.model().name(), new int[] {id}, vals, false);
        }
    }

    private static boolean counts(Map<?, ?> vals) {
        return vals.containsKey("inventory_quantity") || vals.containsKey("inventory_quantity_auto_apply");
    }

    /** The quant with exactly the product, location, lot, package and owner of {@code vals}, or null. */
    private static Integer existing(Call c, Map<Object, Object> vals) {
        Table quants = c.table();
        Object product = vals.get("product_id");
        if (!(product instanceof Number n)) {
            return null;
        }
        int[] candidates = quants.referencing("product_id", n.intValue());
        for (int quant : candidates == null ? new int[0] : candidates) {
            boolean same = true;
            for (String field : KEY) {
                FieldDef def = c.model().field(field);
                if (def == null || !def.inRow()) {
                    continue;
                }
                Object want = vals.get(field);
                Object have = quants.value(quant, def);
                int wanted = want instanceof Number w ? w.intValue() : 0;
                int had = have instanceof Number h ? h.intValue() : 0;
                same &= wanted == had;
            }
            if (same && quants.exists(quant)) {
                return quant;
            }
        }
        return null;
    }
}
