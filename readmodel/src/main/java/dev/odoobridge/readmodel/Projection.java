package dev.odoobridge.readmodel;

import java.util.List;
import java.util.Objects;

/**
 * Which Odoo model goes into which collection, with which fields.
 *
 * <p>An incremental sync re-reads a record when its {@code write_date} moves, so a projected field
 * stays current only when every change of its value moves the record's own {@code write_date}:
 * stored fields do; one2many lists (a child created or deleted leaves the parent untouched) and
 * non-stored computed fields do not. Project the inverse many2one on the children instead of a
 * one2many list. {@link Projections} follows this rule.
 *
 * @param model Odoo model, e.g. {@code product.product}
 * @param collection MongoDB collection name
 * @param fields Odoo fields to read and store ({@code id} and {@code write_date} are always added)
 */
public record Projection(String model, String collection, List<String> fields) {
    public Projection {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(collection, "collection == null");
        fields = List.copyOf(fields);
    }

    /**
     * This projection with extra fields (e.g. custom {@code x_} fields). Fields whose changes do not
     * move the record's {@code write_date} are only as fresh as the record's last own change.
     */
    public Projection withExtraFields(List<String> extra) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(fields);
        all.addAll(extra);
        return new Projection(model, collection, List.copyOf(all));
    }
}
