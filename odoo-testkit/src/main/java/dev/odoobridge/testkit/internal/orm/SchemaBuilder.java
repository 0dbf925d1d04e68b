package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns saved {@code fields_get} answers into field definitions and decides how each value is obtained: the
 * bookkeeping fields, stored fields kept in the row, one2many fields as inverses of a served many2one, related
 * fields read through a many2one, and everything else as a field without behaviour ({@link Compute#EMPTY}).
 * Hand-written behaviour is laid over this by {@link RetailSchema}.
 */
final class SchemaBuilder {
    private final Map<String, Map<String, Map<String, Object>>> schema;

    /** A builder over {@code schema}: every served model to its fields and their attributes. */
    SchemaBuilder(Map<String, Map<String, Map<String, Object>>> schema) {
        this.schema = schema;
    }

    /** The definition of one field of {@code model} as the schema gives it. */
    FieldDef field(String model, String name, Map<String, Object> attrs) {
        FieldType type = FieldType.ofWireName(String.valueOf(attrs.get("type")));
        String relation = attrs.get("relation") instanceof String r && type.relational() ? r : null;
        String inverse = type == FieldType.ONE2MANY && attrs.get("relation_field") instanceof String f ? f : null;
        String string = attrs.get("string") instanceof String s ? s : name;
        FieldDef plain = new FieldDef(name, type, string, relation, inverse, selection(attrs.get("selection")),
                Boolean.TRUE.equals(attrs.get("required")), Boolean.TRUE.equals(attrs.get("readonly")),
                Compute.EMPTY, null, attrs, -1);
        String related = attrs.get("related") instanceof String r ? r : null;
        boolean stored = Boolean.TRUE.equals(attrs.get("store"));
        if (name.equals("id") || name.equals("create_uid") || name.equals("create_date")
                || name.equals("write_uid") || name.equals("write_date")) {
            return plain.withCompute(Compute.MAGIC, null);
        }
        if (name.equals("display_name")) {
            return plain.withCompute(Compute.DISPLAY_NAME, null);
        }
        if (!stored && related != null && readableThrough(model, related)) {
            return plain.withCompute(Compute.RELATED, related);
        }
        if (type == FieldType.ONE2MANY) {
            return plain.withCompute(isStoredMany2one(relation, inverse, model) ? Compute.INVERSE : Compute.EMPTY, null);
        }
        if (stored) {
            return plain.withCompute(Compute.STORED, null);
        }
        return plain;
    }

    /** Whether {@code model.path} is {@code many2one.field} with a stored many2one to a served model having field. */
    boolean readableThrough(String model, String path) {
        int dot = path.indexOf('.');
        if (dot <= 0 || path.indexOf('.', dot + 1) >= 0) {
            return false;
        }
        Map<String, Object> via = schema.get(model).get(path.substring(0, dot));
        if (via == null || !"many2one".equals(via.get("type")) || !Boolean.TRUE.equals(via.get("store"))) {
            return false;
        }
        Map<String, Map<String, Object>> comodel = schema.get(String.valueOf(via.get("relation")));
        return comodel != null && comodel.containsKey(path.substring(dot + 1));
    }

    private boolean isStoredMany2one(String comodel, String field, String model) {
        Map<String, Map<String, Object>> fields = comodel == null ? null : schema.get(comodel);
        Map<String, Object> attrs = fields == null || field == null ? null : fields.get(field);
        return attrs != null && "many2one".equals(attrs.get("type")) && Boolean.TRUE.equals(attrs.get("store"))
                && model.equals(attrs.get("relation"));
    }

    private static List<List<String>> selection(Object raw) {
        List<List<String>> out = new ArrayList<>();
        if (raw instanceof List<?> pairs) {
            for (Object pair : pairs) {
                if (pair instanceof List<?> p && p.size() == 2) {
                    out.add(List.of(String.valueOf(p.get(0)), String.valueOf(p.get(1))));
                }
            }
        }
        return out;
    }
}
