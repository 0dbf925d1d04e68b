package dev.odoobridge.testkit.internal.orm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A change of one record.
 *
 * @param model model name
 * @param id record id
 * @param action {@code create}, {@code write} or {@code unlink}
 * @param values the record's stored values after the change (before it, for unlink) as plain
 *               values with many2one as bare ids and {@code write_date} with microseconds, like
 *               base_automation's webhook body
 * @param previous for a write, each written field with its value before the write (same form as
 *                 {@code values}); empty for create and unlink
 */
public record ChangeEvent(String model, long id, String action, Map<String, Object> values,
                          Map<String, Object> previous) {
    public ChangeEvent {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(values, "values == null");
        previous = previous == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    }

    /** A change without the previous values of written fields. */
    public ChangeEvent(String model, long id, String action, Map<String, Object> values) {
        this(model, id, action, values, Map.of());
    }
}
