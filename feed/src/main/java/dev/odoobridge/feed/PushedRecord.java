package dev.odoobridge.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record of a pushed change set, as WatermelonDB sends it.
 *
 * @param id the device's id of the record (a string)
 * @param values every column the device sent (null for unset ones), already checked against the table's types
 * @param changed the columns the device changed ({@code _changed}); empty for created records
 */
public record PushedRecord(String id, Map<String, Object> values, Set<String> changed) {
    public PushedRecord {
        Objects.requireNonNull(id, "id == null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        changed = Set.copyOf(changed);
    }
}
