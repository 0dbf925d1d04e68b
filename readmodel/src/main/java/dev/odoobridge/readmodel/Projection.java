package dev.odoobridge.readmodel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which Odoo model goes into which collection, with which fields.
 *
 * <p>An incremental sync re-reads a record when its {@code write_date} moves, so a projected field
 * stays current only when every change of its value moves the record's own {@code write_date}:
 * stored fields do; one2many lists (a child created or deleted leaves the parent untouched) and
 * non-stored computed fields do not. Project the inverse many2one on the children instead of a
 * one2many list. {@link Projections} follows this rule.
 *
 * <p>Fields depend on the Odoo version and the installed modules. A sync reads the server's
 * {@code fields_get} and projects the {@link #optionalFields() optional} fields only where the server
 * has them; every other field must exist on the server (a missing one is a configuration error
 * naming the field and the model). The built-in projections mark all their fields optional (the sync
 * engine knows which of them it cannot do without); fields added with {@link #withExtraFields} and
 * the fields of a projection made with the three-argument constructor are not.
 *
 * @param model Odoo model, e.g. {@code product.product}
 * @param collection MongoDB collection name
 * @param fields Odoo fields to read and store ({@code id} and {@code write_date} are always added)
 * @param optionalFields the fields of {@code fields} read only when the server has them
 */
public record Projection(String model, String collection, List<String> fields, Set<String> optionalFields) {
    public Projection {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(collection, "collection == null");
        fields = List.copyOf(fields);
        optionalFields = Set.copyOf(optionalFields);
        if (!fields.containsAll(optionalFields)) {
            Set<String> stray = new LinkedHashSet<>(optionalFields);
            stray.removeAll(fields);
            throw new IllegalArgumentException("optional fields " + stray + " of " + model + " are not projected");
        }
    }

    /** A projection whose every field must exist on the server. */
    public Projection(String model, String collection, List<String> fields) {
        this(model, collection, fields, Set.of());
    }

    /**
     * This projection with extra fields (e.g. custom {@code x_} fields), which must exist on the
     * server. Fields whose changes do not move the record's {@code write_date} are only as fresh as
     * the record's last own change.
     */
    public Projection withExtraFields(List<String> extra) {
        LinkedHashSet<String> all = new LinkedHashSet<>(fields);
        all.addAll(extra);
        Set<String> optional = new LinkedHashSet<>(optionalFields);
        optional.removeAll(extra);
        return new Projection(model, collection, List.copyOf(all), optional);
    }

    /** True when the field is read only where the server has it. */
    public boolean isOptional(String field) {
        return optionalFields.contains(field);
    }
}
