package dev.odoobridge.feed.internal;

import dev.odoobridge.feed.ColumnType;
import dev.odoobridge.feed.FeedColumn;
import dev.odoobridge.feed.FeedTable;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Turns a read-model document (and its stock-view document) into a WatermelonDB raw record. */
final class RowMapper {
    private RowMapper() {
    }

    /** The Odoo id of a read-model document. */
    static long odooId(Document doc) {
        Object id = doc.get("_odoo_id");
        if (id instanceof Number n) {
            return n.longValue();
        }
        return idFromKey(doc.get("_id"));
    }

    /** The Odoo id in a read-model key {@code "<source>:<odoo id>"}. */
    static long idFromKey(Object key) {
        String s = String.valueOf(key);
        return Long.parseLong(s.substring(s.lastIndexOf(':') + 1));
    }

    /** The many2one id of a field value stored as {@code {id, name}} (or a bare number), 0 when empty. */
    static long refId(Object value) {
        if (value instanceof Document d) {
            value = d.get("id");
        } else if (value instanceof Map<?, ?> m) {
            value = m.get("id");
        }
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /**
     * The raw record.
     *
     * @param ids per Odoo model, Odoo id → device id of the records devices created (the record's own and referenced)
     */
    static Map<String, Object> row(FeedTable table, Document doc, Document stock, Map<String, Map<Long, String>> ids) {
        Map<String, Object> raw = new LinkedHashMap<>();
        long odooId = odooId(doc);
        raw.put("id", idOf(ids, table.model(), odooId));
        raw.put("odoo_id", odooId);
        for (FeedColumn c : table.columns()) {
            raw.put(c.name(), value(c, doc, stock, ids));
        }
        return raw;
    }

    static String idOf(Map<String, Map<Long, String>> ids, String model, long odooId) {
        String client = ids.getOrDefault(model, Map.of()).get(odooId);
        return client != null ? client : Long.toString(odooId);
    }

    private static Object value(FeedColumn c, Document doc, Document stock, Map<String, Map<Long, String>> ids) {
        if (c.type() == ColumnType.STOCK_ON_HAND) {
            return onHand(stock, c.warehouseId());
        }
        Object v = doc.get(c.field());
        if (v == null || Boolean.FALSE.equals(v) && c.type() != ColumnType.BOOLEAN) {
            return c.type() == ColumnType.BOOLEAN ? Boolean.FALSE : null;
        }
        return switch (c.type()) {
            case STRING -> v instanceof String s ? s : String.valueOf(v);
            case NUMBER -> v instanceof Number n ? n : null;
            case BOOLEAN -> Boolean.TRUE.equals(v);
            case TIMESTAMP -> v instanceof Date d ? d.getTime() : v instanceof Number n ? n.longValue() : null;
            case REFERENCE -> {
                long id = refId(v);
                yield id == 0 ? null : idOf(ids, c.refModel(), id);
            }
            case STOCK_ON_HAND -> throw new IllegalStateException("handled above");
        };
    }

    private static double onHand(Document stock, Long warehouseId) {
        if (stock == null) {
            return 0.0;
        }
        if (warehouseId == null) {
            return asDouble(stock.get("on_hand"));
        }
        Object warehouses = stock.get("warehouses");
        double sum = 0.0;
        if (warehouses instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document w && w.get("warehouse_id") instanceof Number n && n.longValue() == warehouseId) {
                    sum += asDouble(w.get("on_hand"));
                }
            }
        }
        return sum;
    }

    private static double asDouble(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }
}
