package dev.odoobridge.testkit.internal.orm;

import java.util.Locale;

/** Odoo field types, with their {@code fields_get} names. */
enum FieldType {
    CHAR, TEXT, HTML, BINARY, INTEGER, FLOAT, MONETARY, BOOLEAN, DATE, DATETIME, SELECTION, MANY2ONE, ONE2MANY,
    MANY2MANY,
    /** An integer id whose model is named by another field (e.g. {@code mail.mail.res_id}). */
    MANY2ONE_REFERENCE,
    /** {@code "model,id"} text. */
    REFERENCE,
    /** Any JSON value. */
    JSON,
    /** Values of properties defined on a parent record (a JSON value). */
    PROPERTIES,
    /** The definition of properties (a JSON value). */
    PROPERTIES_DEFINITION;

    /** The name {@code fields_get} reports. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type {@code fields_get} calls {@code name}.
     *
     * @throws IllegalArgumentException for a name Odoo does not have
     */
    static FieldType ofWireName(String name) {
        for (FieldType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name + "'");
    }

    boolean relational() {
        return this == MANY2ONE || this == ONE2MANY || this == MANY2MANY;
    }

    boolean toMany() {
        return this == ONE2MANY || this == MANY2MANY;
    }

    boolean numeric() {
        return this == INTEGER || this == FLOAT || this == MONETARY;
    }

    boolean textual() {
        return this == CHAR || this == TEXT || this == HTML || this == SELECTION || this == BINARY || this == REFERENCE;
    }

    /** Whether values are arbitrary JSON (json, properties, properties_definition). */
    boolean jsonValued() {
        return this == JSON || this == PROPERTIES || this == PROPERTIES_DEFINITION;
    }
}
