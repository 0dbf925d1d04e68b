package dev.odoobridge.testkit.internal.orm;

import java.util.Locale;

/** Odoo field types the fake ORM knows, with their {@code fields_get} names. */
enum FieldType {
    CHAR, TEXT, HTML, BINARY, INTEGER, FLOAT, BOOLEAN, DATE, DATETIME, SELECTION, MANY2ONE, ONE2MANY, MANY2MANY;

    /** The name {@code fields_get} reports. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean relational() {
        return this == MANY2ONE || this == ONE2MANY || this == MANY2MANY;
    }

    boolean toMany() {
        return this == ONE2MANY || this == MANY2MANY;
    }

    boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }

    boolean textual() {
        return this == CHAR || this == TEXT || this == HTML || this == SELECTION || this == BINARY;
    }
}
