package dev.odoobridge.client.typed;

import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import java.util.Collection;
import java.util.Objects;

/**
 * A typed field constant of a generated model, e.g. {@code ProductProduct.DEFAULT_CODE.eq("X")}.
 *
 * @param <V> the Java type of the field's value (for relational fields: the id type {@code Long})
 * @param name the Odoo field name
 * @param type the Odoo field type (char, many2one, ...)
 */
public record Field<V>(String name, String type) {
    public Field {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
    }

    /** A field constant. */
    public static <V> Field<V> of(String name, String type) {
        return new Field<>(name, type);
    }

    /** {@code field = value}. */
    public Domain eq(V value) {
        return Domains.eq(name, value);
    }

    /** {@code field != value}. */
    public Domain ne(V value) {
        return Domains.ne(name, value);
    }

    /** {@code field in values}. */
    public Domain in(Collection<? extends V> values) {
        return Domains.in(name, values);
    }

    /** {@code field not in values}. */
    public Domain notIn(Collection<? extends V> values) {
        return Domains.notIn(name, values);
    }

    /** {@code field > value}. */
    public Domain gt(V value) {
        return Domains.gt(name, value);
    }

    /** {@code field >= value}. */
    public Domain ge(V value) {
        return Domains.ge(name, value);
    }

    /** {@code field < value}. */
    public Domain lt(V value) {
        return Domains.lt(name, value);
    }

    /** {@code field <= value}. */
    public Domain le(V value) {
        return Domains.le(name, value);
    }

    /** {@code field ilike text} (case-insensitive substring). */
    public Domain ilike(String text) {
        return Domains.ilike(name, text);
    }

    /** The field is set ({@code != False}). */
    public Domain isSet() {
        return Domains.ne(name, false);
    }

    /** The field is not set ({@code = False}). */
    public Domain isNotSet() {
        return Domains.eq(name, false);
    }

    /** A dotted path through this relational field, e.g. {@code CATEG_ID.dot("name")}. */
    public <W> Field<W> dot(String subField) {
        return new Field<>(name + "." + Objects.requireNonNull(subField, "subField == null"), "path");
    }
}
