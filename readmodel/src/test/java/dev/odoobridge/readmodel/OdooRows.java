package dev.odoobridge.readmodel;

import dev.odoobridge.client.OdooRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds records in the shapes Odoo sends them: many2one {@code [id, "name"]}, {@code False} for empty, naive UTC datetimes. */
final class OdooRows {
    static final Boolean FALSE = Boolean.FALSE;
    static final String T0 = "2026-11-21 19:14:19";

    private final Map<String, Object> values = new LinkedHashMap<>();

    private OdooRows(long id, String writeDate) {
        values.put("id", (int) id);
        values.put("write_date", writeDate);
    }

    static OdooRows row(long id) {
        return new OdooRows(id, T0);
    }

    static OdooRows row(long id, String writeDate) {
        return new OdooRows(id, writeDate);
    }

    static List<Object> m2o(long id, String name) {
        return List.of((int) id, name);
    }

    OdooRows with(String field, Object value) {
        values.put(field, value);
        return this;
    }

    OdooRows m2o(String field, long id, String name) {
        return with(field, id == 0 ? FALSE : m2o(id, name));
    }

    OdooRecord build() {
        return OdooRecord.of(values);
    }

    static OdooRecord product(long id, String name) {
        return row(id).with("name", name).with("display_name", name).with("default_code", "C" + id)
                .with("barcode", FALSE).m2o("product_tmpl_id", id, name).with("active", true).build();
    }

    static OdooRecord location(long id, String name, String usage, long warehouseId) {
        return row(id).with("name", name).with("complete_name", name).with("usage", usage)
                .m2o("warehouse_id", warehouseId, "WH" + warehouseId).with("active", true).build();
    }

    static OdooRecord quant(long id, long productId, long locationId, double qty) {
        return quant(id, productId, locationId, qty, 0, T0);
    }

    static OdooRecord quant(long id, long productId, long locationId, double qty, long lotId, String writeDate) {
        return row(id, writeDate).m2o("product_id", productId, "P" + productId).m2o("location_id", locationId, "L" + locationId)
                .m2o("lot_id", lotId, "LOT" + lotId).with("quantity", qty).with("reserved_quantity", 0.0).build();
    }

    static OdooRecord supplier(long id, long partnerId, long tmplId, long productId) {
        return row(id).m2o("partner_id", partnerId, "Vendor " + partnerId).m2o("product_tmpl_id", tmplId, "T" + tmplId)
                .m2o("product_id", productId, "P" + productId).with("min_qty", 1.0).with("price", 2.5)
                .with("product_code", FALSE).with("delay", 3).build();
    }

    static OdooRecord orderpoint(long id, long productId, long warehouseId, double min) {
        return row(id).m2o("product_id", productId, "P" + productId).m2o("warehouse_id", warehouseId, "WH" + warehouseId)
                .with("product_min_qty", min).with("product_max_qty", min * 3).with("active", true).build();
    }

    static OdooRecord move(long id, long productId, long from, long to, double qty, String state, String date) {
        return row(id).m2o("product_id", productId, "P" + productId).m2o("location_id", from, "L" + from)
                .m2o("location_dest_id", to, "L" + to).with("product_uom_qty", qty).with("quantity", qty)
                .with("state", state).with("date", date).with("reference", "WH/OUT/" + id).build();
    }
}
