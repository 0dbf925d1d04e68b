package dev.odoobridge.readmodel;

import java.util.List;
import java.util.Objects;

/**
 * Which Odoo model goes into which collection, with which fields.
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

    /** This projection with extra fields (e.g. custom {@code x_} fields). */
    public Projection withExtraFields(List<String> extra) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(fields);
        all.addAll(extra);
        return new Projection(model, collection, List.copyOf(all));
    }
}
