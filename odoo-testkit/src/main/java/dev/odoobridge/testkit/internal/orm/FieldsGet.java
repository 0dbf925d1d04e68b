package dev.odoobridge.testkit.internal.orm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code fields_get}: the attributes a real server of the played version answers (from its recorded schema),
 * restricted to the requested fields and attributes; unknown field names are left out, as Odoo does.
 */
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
            Map<String, Object> all = field.attributes().isEmpty() ? derived(field) : new TreeMap<>(field.attributes());
            if (attrs != null) {
                all.keySet().retainAll(attrs);
            }
            out.put(field.name(), all);
        }
        return out;
    }

    /** Attributes of a field defined at run time (a custom {@code x_} field), shaped like Odoo's. */
    private static Map<String, Object> derived(FieldDef field) {
        Map<String, Object> a = new TreeMap<>();
        a.put("name", field.name());
        a.put("type", field.type().wireName());
        a.put("string", field.string());
        a.put("readonly", field.readonly());
        a.put("required", field.required());
        a.put("store", field.store());
        a.put("searchable", true);
        a.put("sortable", field.store() && !field.type().toMany());
        a.put("groupable", field.store() && field.type() != FieldType.BINARY && field.type() != FieldType.TEXT
                && field.type() != FieldType.HTML);
        a.put("manual", field.name().startsWith("x_"));
        a.put("company_dependent", false);
        a.put("change_default", false);
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
        if (field.type().numeric()) {
            a.put("aggregator", "sum");
        }
        return a;
    }
}
