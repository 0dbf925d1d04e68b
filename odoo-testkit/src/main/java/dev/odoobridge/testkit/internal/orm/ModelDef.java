package dev.odoobridge.testkit.internal.orm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A model's definition: its fields (in Odoo's order), label and the few behaviours that differ per model. */
final class ModelDef {
    /** How the display name of a record is formed. */
    enum Naming {
        /** The value of the rec-name field. */
        FIELD,
        /** {@code "[default_code] name"} like product.product. */
        PRODUCT,
        /** {@code "Company, Contact"} like res.partner. */
        PARTNER,
        /** The computed {@code complete_name}. */
        COMPLETE,
        /** {@code "model,id"} for models without a name. */
        MODEL_ID
    }

    private final String name;
    private final String description;
    private final Naming naming;
    private final String recName;
    private final boolean restricted;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private int columns;

    ModelDef(String name, String description, Naming naming, String recName, boolean restricted) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.description = Objects.requireNonNull(description, "description == null");
        this.naming = Objects.requireNonNull(naming, "naming == null");
        this.recName = recName;
        this.restricted = restricted;
    }

    String name() {
        return name;
    }

    /** The model's label ({@code _description}), e.g. "Companies". */
    String description() {
        return description;
    }

    Naming naming() {
        return naming;
    }

    String recName() {
        return recName;
    }

    /** Whether only administrators may create, write or unlink. */
    boolean restricted() {
        return restricted;
    }

    /** Adds a field, giving it a row column when it is stored in the row. Callers hold the ORM's write lock. */
    FieldDef add(FieldDef field) {
        boolean inRow = field.compute() == Compute.STORED;
        FieldDef placed = field.withColumn(inRow ? columns++ : -1);
        fields.put(placed.name(), placed);
        return placed;
    }

    FieldDef field(String fieldName) {
        return fields.get(fieldName);
    }

    Collection<FieldDef> fields() {
        return fields.values();
    }

    int columns() {
        return columns;
    }

    boolean hasActive() {
        return fields.containsKey("active");
    }

    @Override
    public String toString() {
        return name;
    }
}
