package dev.odoobridge.client.meta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field as {@code fields_get} describes it.
 *
 * @param name technical name
 * @param type Odoo type: char, text, html, integer, float, monetary, boolean, date, datetime,
 *             selection, many2one, one2many, many2many, binary, reference, many2one_reference,
 *             json, properties, properties_definition, ... (kept as a string: future types must not break)
 * @param label the {@code string} attribute
 * @param relation target model for relational fields, else null
 * @param selection (value, label) pairs for selection fields, else empty
 * @param required required attribute
 * @param readonly readonly attribute
 * @param stored store attribute (false for non-stored computed fields)
 * @param attributes every attribute as sent, read-only
 */
public record FieldDefinition(String name, String type, String label, String relation,
                              List<Map.Entry<String, String>> selection, boolean required, boolean readonly,
                              boolean stored, Map<String, Object> attributes) {
    public FieldDefinition {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        selection = List.copyOf(selection);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** True for many2one, one2many and many2many. */
    public boolean isRelational() {
        return type.equals("many2one") || type.equals("one2many") || type.equals("many2many");
    }

    /** Builds a definition from one {@code fields_get} entry (plain decoded values). */
    public static FieldDefinition fromFieldsGet(String name, Map<String, ?> attrs) {
        Objects.requireNonNull(attrs, "attrs == null");
        Object type = attrs.get("type");
        List<Map.Entry<String, String>> sel = new java.util.ArrayList<>();
        if (attrs.get("selection") instanceof List<?> pairs) {
            for (Object p : pairs) {
                if (p instanceof List<?> pair && pair.size() >= 2) {
                    sel.add(Map.entry(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
                }
            }
        }
        Object relation = attrs.get("relation");
        Object label = attrs.get("string");
        return new FieldDefinition(name, type instanceof String t ? t : "unknown",
                label instanceof String s ? s : name,
                relation instanceof String r && !r.isEmpty() ? r : null,
                sel, Boolean.TRUE.equals(attrs.get("required")), Boolean.TRUE.equals(attrs.get("readonly")),
                !Boolean.FALSE.equals(attrs.get("store")), new LinkedHashMap<>(attrs));
    }
}
