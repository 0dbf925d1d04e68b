package dev.odoobridge.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Order, limit, offset and extra context of a search. Immutable; use the withers:
 * {@code SearchOptions.DEFAULT.order("write_date asc, id asc").limit(500)}.
 *
 * @param order Odoo order clause or null for the model's default
 * @param limit maximum rows, 0 = no limit
 * @param offset rows to skip
 * @param context extra context merged over the client's default context (e.g. {@code active_test: false})
 */
public record SearchOptions(String order, int limit, int offset, Map<String, Object> context) {

    /** Model default order, no limit, no offset, no extra context. */
    public static final SearchOptions DEFAULT = new SearchOptions(null, 0, 0, Map.of());

    public SearchOptions {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        Objects.requireNonNull(context, "context == null");
        context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** With an order clause, e.g. {@code "id asc"}. */
    public SearchOptions order(String order) {
        return new SearchOptions(order, limit, offset, context);
    }

    /** With a row limit (0 = none). */
    public SearchOptions limit(int limit) {
        return new SearchOptions(order, limit, offset, context);
    }

    /** With an offset. */
    public SearchOptions offset(int offset) {
        return new SearchOptions(order, limit, offset, context);
    }

    /** With one more context entry. */
    public SearchOptions context(String key, Object value) {
        Map<String, Object> c = new LinkedHashMap<>(context);
        c.put(Objects.requireNonNull(key, "key == null"), value);
        return new SearchOptions(order, limit, offset, c);
    }

    /** Shortcut for {@code context("active_test", false)}: archived records are included. */
    public SearchOptions includeArchived() {
        return context("active_test", false);
    }
}
