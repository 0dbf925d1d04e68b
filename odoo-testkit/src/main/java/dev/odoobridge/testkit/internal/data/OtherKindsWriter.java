package dev.odoobridge.testkit.internal.data;

import java.util.Map;

/**
 * Writes what a real shop sells besides storable stock: two services and a consumable that keeps no
 * stock (each with a vendor, as subcontracted work and bought-in supplies have), and a storable product
 * archived after it sold; then, every fifth day, a confirmed order placed at 23:30 UTC (the next day in
 * time zones east of UTC) of those products framed by a section line and a note line, and every tenth
 * day a quotation of them that must not count as sold. Written last, so the ids of everything else do
 * not move. These orders are named {@code SX…}; they have no stock moves.
 */
final class OtherKindsWriter {
    private static final int SERVICE_A = 0;
    private static final int SERVICE_B = 1;
    private static final int CONSUMABLE = 2;
    private static final int ARCHIVED = 3;
    private static final String[] NAMES = {"Installation Service", "Gift Wrapping Service", "Paper Carrier Bag",
        "Discontinued Desk Lamp"};
    private static final double[] PRICES = {49.5, 3.25, 0.4, 27.9};
    private static final long LATE_EVENING = 23 * 3600L + 1800;

    private final Emitter out;
    private final MasterData master;
    private final Timeline time;
    private final long[] productIds = new long[NAMES.length];
    private int orderNumber;

    OtherKindsWriter(Emitter out, MasterData master, Timeline time) {
        this.out = out;
        this.master = master;
        this.time = time;
    }

    void write() {
        long created = time.dayStart(0) - 7200;
        for (int k = 0; k < NAMES.length; k++) {
            productIds[k] = product(k, created);
        }
        for (int d = 0; d < time.days() - 1; d++) {
            if (d % 5 == 0) {
                order(d, "sale", d % 3 + 1);
            }
            if (d % 10 == 5) {
                order(d, "draft", 2);
            }
        }
    }

    private long product(int kind, long created) {
        boolean active = kind != ARCHIVED;
        long written = active ? created : time.editAt(created, time.dayStart(time.days() - 1));
        long template = out.insert("product.template", kindValues(kind, active), created, written);
        Map<String, Object> v = kindValues(kind, active);
        v.put("product_tmpl_id", template);
        long product = out.insert("product.product", v, created, written);
        Map<String, Object> s = Emitter.values(6);
        s.put("partner_id", master.vendorIds()[0]);
        s.put("product_tmpl_id", template);
        s.put("product_code", "V01-X" + (kind + 1));
        s.put("min_qty", 1.0);
        s.put("price", Catalog.money(PRICES[kind] * 0.6));
        s.put("delay", 3);
        out.insert("product.supplierinfo", s, created, created);
        return product;
    }

    private Map<String, Object> kindValues(int kind, boolean active) {
        Map<String, Object> v = Emitter.values(12);
        v.put("name", NAMES[kind]);
        v.put("default_code", "X" + (kind + 1));
        v.put("list_price", PRICES[kind]);
        v.put("standard_price", Catalog.money(PRICES[kind] * 0.6));
        v.put("categ_id", master.leafCategoryIds()[0]);
        v.put("sale_ok", Boolean.TRUE);
        v.put("purchase_ok", Boolean.TRUE);
        switch (kind) {
            case SERVICE_A, SERVICE_B -> out.flavour().service(v);
            case CONSUMABLE -> out.flavour().consumable(v);
            default -> out.flavour().storable(v);
        }
        v.put("active", active);
        return v;
    }

    private void order(int day, String state, int quantity) {
        long placed = time.dayStart(day) + LATE_EVENING;
        int[] kinds = {SERVICE_A, SERVICE_B, CONSUMABLE, ARCHIVED};
        double untaxed = 0;
        for (int k : kinds) {
            untaxed += Catalog.money(PRICES[k] * quantity * (k + 1));
        }
        untaxed = Catalog.money(untaxed);
        Map<String, Object> o = Emitter.values(9);
        o.put("name", SequenceName.of("SX", ++orderNumber, 5));
        o.put("partner_id", master.buyerIds()[0]);
        o.put("date_order", WireTime.dateTime(placed));
        o.put("state", state);
        o.put("amount_untaxed", untaxed);
        o.put("amount_total", untaxed);
        o.put("warehouse_id", master.warehouseIds()[0]);
        o.put("user_id", out.userId());
        o.put("company_id", master.companyId());
        long orderId = out.insert("sale.order", o, placed, placed);
        display(orderId, "line_section", "Services and supplies", state, placed);
        for (int k : kinds) {
            double qty = quantity * (k + 1);
            double subtotal = Catalog.money(PRICES[k] * qty);
            Map<String, Object> l = Emitter.values(9);
            l.put("order_id", orderId);
            l.put("product_id", productIds[k]);
            l.put("name", NAMES[k]);
            l.put("product_uom_qty", qty);
            l.put("qty_delivered", "sale".equals(state) ? qty : 0.0);
            l.put("price_unit", PRICES[k]);
            l.put("price_subtotal", subtotal);
            l.put("price_total", subtotal);
            l.put("state", state);
            out.insert("sale.order.line", l, placed, placed);
        }
        display(orderId, "line_note", "Delivered and installed on site.", state, placed);
    }

    private void display(long orderId, String type, String text, String state, long placed) {
        Map<String, Object> l = Emitter.values(8);
        l.put("order_id", orderId);
        l.put("display_type", type);
        l.put("name", text);
        l.put("product_uom_qty", 0.0);
        l.put("qty_delivered", 0.0);
        l.put("price_unit", 0.0);
        l.put("price_subtotal", 0.0);
        l.put("price_total", 0.0);
        l.put("state", state);
        out.insert("sale.order.line", l, placed, placed);
    }
}
