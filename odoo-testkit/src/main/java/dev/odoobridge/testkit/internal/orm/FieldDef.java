package dev.odoobridge.testkit.internal.orm;

import java.util.List;
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
 * @param via the many2one a related field reads through, else null
 * @param help help text or null
 * @param column index of its value in a row, or -1 when not stored in the row
 */
record FieldDef(String name, FieldType type, String string, String relation, String inverse,
                List<List<String>> selection, boolean required, boolean readonly, Compute compute, String via,
                String help, int column) {
    FieldDef {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(string, "string == null");
        Objects.requireNonNull(compute, "compute == null");
        selection = List.copyOf(selection);
    }

    /** Whether the value lives in the database (Odoo's {@code store}). */
    boolean store() {
        return compute == Compute.STORED || compute == Compute.MAGIC || compute == Compute.COMPLETE_NAME;
    }

    /** Whether the value is kept in this model's row. */
    boolean inRow() {
        return column >= 0;
    }

    FieldDef withColumn(int newColumn) {
        return new FieldDef(name, type, string, relation, inverse, selection, required, readonly, compute, via, help,
                newColumn);
    }
}
