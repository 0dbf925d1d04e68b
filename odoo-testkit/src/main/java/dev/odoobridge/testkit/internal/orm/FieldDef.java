package dev.odoobridge.testkit.internal.orm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a model.
 *
 * @param name technical name
 * @param type Odoo type
 * @param string label
 * @param relation comodel for relational fields, else null
 * @param inverse many2one on the comodel for one2many fields, else null
 * @param selection {@code [value, label]} pairs for selection fields, else empty
 * @param required whether Odoo marks it required
 * @param readonly whether Odoo marks it readonly
 * @param compute how its value is obtained
 * @param via for {@link Compute#RELATED} fields the path read through, {@code many2one.field} (e.g.
 *            {@code product_tmpl_id.name}), else null
 * @param attributes what {@code fields_get} answers for it (from a real server's schema); empty for fields
 *                   defined at run time, whose attributes are derived from the other components
 * @param column index of its value in a row, or -1 when not stored in the row
 */
record FieldDef(String name, FieldType type, String string, String relation, String inverse,
                List<List<String>> selection, boolean required, boolean readonly, Compute compute, String via,
                Map<String, Object> attributes, int column) {
    FieldDef {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(string, "string == null");
        Objects.requireNonNull(compute, "compute == null");
        selection = List.copyOf(selection);
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (via != null && via.indexOf('.') <= 0) {
            throw new IllegalArgumentException("related path of " + name + " must be many2one.field, got " + via);
        }
    }

    /** Whether the value lives in the database (Odoo's {@code store}). */
    boolean store() {
        if (attributes.get("store") instanceof Boolean stored) {
            return stored;
        }
        return compute == Compute.STORED || compute == Compute.MAGIC || compute == Compute.COMPLETE_NAME;
    }

    /** Whether the value is kept in this model's row. */
    boolean inRow() {
        return column >= 0;
    }

    /** The many2one a related field reads through. */
    String viaField() {
        return via.substring(0, via.indexOf('.'));
    }

    /** The field of the comodel a related field reads. */
    String target() {
        return via.substring(via.indexOf('.') + 1);
    }

    FieldDef withColumn(int newColumn) {
        return new FieldDef(name, type, string, relation, inverse, selection, required, readonly, compute, via,
                attributes, newColumn);
    }

    FieldDef withCompute(Compute newCompute, String newVia) {
        return new FieldDef(name, type, string, relation, inverse, selection, required, readonly, newCompute, newVia,
                attributes, column);
    }
}
