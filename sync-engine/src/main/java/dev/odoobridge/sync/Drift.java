package dev.odoobridge.sync;

import java.util.Objects;

/**
 * One difference between Odoo and the read model.
 *
 * @param kind what differs
 * @param odooId the record (0 for {@link Kind#COUNT})
 * @param field the field for {@link Kind#FIELD_MISMATCH} ({@code qty_available} for stock), else null
 * @param odooValue Odoo's value (normalised), or null
 * @param mongoValue the read model's value (normalised), or null
 */
public record Drift(Kind kind, long odooId, String field, Object odooValue, Object mongoValue) {

    /** Kinds of drift. */
    public enum Kind {
        /** Odoo and the read model hold a different number of records. */
        COUNT,
        /** Odoo has the record, the read model does not. */
        MISSING_IN_MONGO,
        /** The read model has a record Odoo no longer has. */
        EXTRA_IN_MONGO,
        /** Both have the record with a different field value. */
        FIELD_MISMATCH,
        /** The stock view disagrees with Odoo's {@code qty_available}. */
        STOCK_MISMATCH
    }

    public Drift {
        Objects.requireNonNull(kind, "kind == null");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case COUNT -> "count: odoo=" + odooValue + " mongo=" + mongoValue;
            case MISSING_IN_MONGO -> "id " + odooId + " missing in MongoDB";
            case EXTRA_IN_MONGO -> "id " + odooId + " in MongoDB but not in Odoo";
            case FIELD_MISMATCH, STOCK_MISMATCH -> "id " + odooId + " " + field + ": odoo=" + odooValue + " mongo=" + mongoValue;
        };
    }
}
