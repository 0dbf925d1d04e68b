package dev.odoobridge.testkit.internal.orm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code fields_get}: field metadata shaped like Odoo 19's, restricted to the requested fields and attributes. */
final class FieldsGet {
    private FieldsGet() {
    }

    static Map<String, Object> describe(ModelDef model, Object allfields, Object attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        Collection<?> wanted = allfields instanceof Collection<?> c && !c.isEmpty() ? c : null;
        Collection<?> attrs = attributes instanceof Collection<?> a && !a.isEmpty() ? a : null;
        for (FieldDef field : model.fields()) {
            if (wanted != null && !wanted.contains(field.name())) {
                continue;
            }
            Map<String, Object> all = attributes(model, field);
            if (attrs != null) {
                all.keySet().retainAll(attrs);
            }
            out.put(field.name(), all);
        }
        return out;
    }

    private static Map<String, Object> attributes(ModelDef model, FieldDef field) {
        Map<String, Object> a = new TreeMap<>();
        a.put("name", field.name());
        a.put("type", field.type().wireName());
        a.put("string", field.string());
        a.put("readonly", field.readonly());
        a.put("required", field.required());
        a.put("store", field.store());
        a.put("searchable", field.compute() != Compute.STOCK_QTY);
        a.put("sortable", field.store() && !field.type().toMany());
        a.put("groupable", field.store() && field.type() != FieldType.BINARY && field.type() != FieldType.TEXT
                && field.type() != FieldType.HTML);
        a.put("manual", field.name().startsWith("x_"));
        a.put("company_dependent", false);
        a.put("change_default", false);
        a.put("sortable", field.store());
        if (field.help() != null) {
            a.put("help", field.help());
        }
        if (field.relation() != null) {
            a.put("relation", field.relation());
            a.put("context", Map.of());
            a.put("domain", "[]");
        }
        if (field.type() == FieldType.ONE2MANY) {
            a.put("relation_field", field.inverse());
        }
        if (field.type() == FieldType.SELECTION) {
            a.put("selection", field.selection());
        }
        if (field.type().numeric() && !field.name().equals("id") && field.compute() != Compute.MAGIC) {
            a.put("aggregator", "sum");
        }
        if (field.compute() == Compute.RELATED) {
            a.put("related", field.via() + "." + field.name());
        }
        return a;
    }
}
