package dev.odoobridge.testkit.internal.orm;

import java.util.Map;

/**
 * What the fake ORM reads from an Odoo context.
 *
 * @param activeTest whether archived records are hidden (context {@code active_test}, default true)
 * @param warehouse warehouse id restricting stock quantities, or null
 * @param location location id restricting stock quantities, or null
 * @param inventoryMode whether stock.quant is edited in inventory mode (context {@code inventory_mode})
 */
record Ctx(boolean activeTest, Integer warehouse, Integer location, boolean inventoryMode) {
    static final Ctx DEFAULT = new Ctx(true, null, null, false);

    static Ctx of(Object context) {
        if (!(context instanceof Map<?, ?> map)) {
            return DEFAULT;
        }
        Object active = map.get("active_test");
        return new Ctx(!Boolean.FALSE.equals(active), id(map.get("warehouse")), id(map.get("location")),
                Boolean.TRUE.equals(map.get("inventory_mode")));
    }

    Ctx withoutActiveTest() {
        return new Ctx(false, warehouse, location, inventoryMode);
    }

    private static Integer id(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Number n) {
            return n.intValue();
        }
        return null;
    }
}
