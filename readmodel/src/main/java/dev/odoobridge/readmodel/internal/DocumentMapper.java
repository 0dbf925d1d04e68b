package dev.odoobridge.readmodel.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.value.OdooValues;
import dev.odoobridge.readmodel.StorableProducts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Turns one Odoo record into the stored document. Values are converted by the field's Odoo type
 * (declared, built-in, or inferred from the value's shape when unknown):
 * boolean → true/false; integer, many2one_reference, float, monetary → numbers or null; char, text, html,
 * selection, reference → string or null;
 * many2one → {@code {id, name}} or null; one2many / many2many → id array (empty when False);
 * datetime → BSON date (UTC); date → {@code "YYYY-MM-DD"} string (kept as text so no time zone can
 * shift it; it sorts and compares correctly); binary → base64 string. Odoo's {@code False} is null
 * for every type but boolean. An unknown field whose value is {@code False} is stored as null.
 */
final class DocumentMapper {
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private final Map<String, Map<String, String>> types;
    /** Types a server reported, by source then model; they take precedence over {@link #types}. */
    private final Map<String, Map<String, Map<String, String>>> serverTypes = new java.util.concurrent.ConcurrentHashMap<>();

    DocumentMapper(Map<String, Map<String, String>> types) {
        this.types = types;
    }

    /**
     * Records the field types a source's server reported for a model (its {@code fields_get}); they
     * take precedence over the built-in and configured ones for that source's records.
     */
    void serverTypes(String source, String model, Map<String, String> fieldTypes) {
        Map<String, String> merged = new java.util.HashMap<>(types.getOrDefault(model, Map.of()));
        merged.putAll(fieldTypes);
        serverTypes.computeIfAbsent(source, s -> new java.util.concurrent.ConcurrentHashMap<>())
                .put(model, Map.copyOf(merged));
    }

    private Map<String, String> typesOf(String source, String model) {
        Map<String, Map<String, String>> bySource = serverTypes.get(source);
        Map<String, String> fromServer = bySource == null ? null : bySource.get(model);
        return fromServer != null ? fromServer : types.getOrDefault(model, Map.of());
    }

    static String key(String source, long odooId) {
        return source + ":" + odooId;
    }

    /** The document keys of Odoo ids, in their order. */
    static List<String> keys(String source, Collection<Long> odooIds) {
        List<String> keys = new ArrayList<>(odooIds.size());
        for (Long id : odooIds) {
            keys.add(key(source, Objects.requireNonNull(id, "odooIds contains null")));
        }
        return keys;
    }

    /** The Odoo id in a document key made by {@link #key}. */
    static long odooId(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
    }

    /** The stored document for a record, with bookkeeping fields. */
    Document toDocument(String source, String model, OdooRecord record, Instant fetchedAt, Instant syncedAt) {
        long id = record.id();
        if (id <= 0) {
            throw new IllegalArgumentException(model + " record without a positive id: " + record);
        }
        Instant writeDate = record.getInstant("write_date");
        if (writeDate == null) {
            throw new IllegalArgumentException(model + " record " + id
                    + " has no write_date; read write_date with every page, the version guard needs it");
        }
        Map<String, String> modelTypes = typesOf(source, model);
        Document doc = new Document("_id", key(source, id));
        doc.put("id", id);
        for (Map.Entry<String, Object> e : record.asMap().entrySet()) {
            String field = e.getKey();
            if (field.equals("id") || field.startsWith("_")) {
                continue;
            }
            doc.put(field, convert(model, field, modelTypes.get(field), e.getValue()));
        }
        if (StorableProducts.appliesTo(model)) {
            Boolean storable = StorableProducts.storable(record.asMap());
            if (storable != null) {
                doc.put(StorableProducts.FIELD, storable);
            }
        }
        doc.put("_source", source);
        doc.put("_odoo_id", id);
        doc.put("_write_date", Date.from(writeDate));
        doc.put("_fetched_at", Date.from(fetchedAt));
        doc.put("_synced_at", Date.from(syncedAt));
        return doc;
    }

    static Object convert(String model, String field, String type, Object raw) {
        if (type == null) {
            return infer(raw);
        }
        try {
            return switch (type) {
                case "boolean" -> Boolean.TRUE.equals(raw);
                case "integer", "many2one_reference" -> OdooValues.toLong(raw);
                case "float", "monetary" -> OdooValues.toDouble(raw);
                case "char", "text", "html", "selection", "binary", "reference" -> OdooValues.toStringValue(raw);
                case "date" -> {
                    var d = OdooValues.toLocalDate(raw);
                    yield d == null ? null : OdooValues.formatDate(d);
                }
                case "datetime" -> {
                    Instant i = OdooValues.toInstant(raw);
                    yield i == null ? null : Date.from(i);
                }
                case "many2one" -> {
                    var ref = OdooValues.toRef(raw);
                    yield ref == null ? null : new Document("id", ref.id()).append("name", ref.name());
                }
                case "one2many", "many2many" -> new ArrayList<>(OdooValues.toIds(raw));
                default -> infer(raw);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model + "." + field + " is declared " + type
                    + " but Odoo sent something else: " + e.getMessage(), e);
        }
    }

    /** Converts a value of unknown type by its shape. */
    static Object infer(Object raw) {
        if (raw == null || Boolean.FALSE.equals(raw)) {
            return null;
        }
        if (raw instanceof String s) {
            return DATETIME.matcher(s).matches() ? Date.from(OdooValues.parseDatetime(s)) : s;
        }
        if (raw instanceof Object[] a) {
            return infer(List.of(a));
        }
        if (raw instanceof List<?> l) {
            if (l.size() == 2 && l.get(0) instanceof Number id && (l.get(1) instanceof String || Boolean.FALSE.equals(l.get(1)))) {
                return new Document("id", id.longValue()).append("name", l.get(1) instanceof String s ? s : null);
            }
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(o instanceof Number n && !(o instanceof Double) && !(o instanceof Float) ? n.longValue() : infer(o));
            }
            return out;
        }
        if (raw instanceof Map<?, ?> m) {
            Document d = new Document();
            m.forEach((k, v) -> d.put(String.valueOf(k), infer(v)));
            return d;
        }
        if (raw instanceof Integer i) {
            return i.longValue();
        }
        return raw;
    }

    /** A stored document as plain Java values: nested documents as maps, dates as Instants. */
    static Map<String, Object> toPlain(Document doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        doc.forEach((k, v) -> {
            if (!k.equals("_id")) {
                out.put(k, plain(v));
            }
        });
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof Document d) {
            Map<String, Object> m = new LinkedHashMap<>();
            d.forEach((k, x) -> m.put(k, plain(x)));
            return m;
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Collection<?> c) {
            List<Object> l = new ArrayList<>(c.size());
            c.forEach(x -> l.add(plain(x)));
            return l;
        }
        return v;
    }
}
