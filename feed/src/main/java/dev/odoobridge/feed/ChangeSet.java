package dev.odoobridge.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pushed change set: per table, the created and updated records and the deleted ids. Built by the feed's parser,
 * which refuses (before anything is written) unknown tables and columns and values of the wrong type.
 *
 * @param tables table name → its changes
 */
public record ChangeSet(Map<String, Table> tables) {
    public ChangeSet {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** True when there is nothing to write. */
    public boolean isEmpty() {
        return tables.values().stream().allMatch(t -> t.created.isEmpty() && t.updated.isEmpty() && t.deleted.isEmpty());
    }

    /**
     * One table's pushed changes.
     *
     * @param created records created on the device
     * @param updated records changed on the device
     * @param deleted ids deleted on the device
     */
    public record Table(List<PushedRecord> created, List<PushedRecord> updated, List<String> deleted) {
        public Table {
            Objects.requireNonNull(created, "created == null");
            created = List.copyOf(created);
            updated = List.copyOf(updated);
            deleted = List.copyOf(deleted);
        }
    }
}
