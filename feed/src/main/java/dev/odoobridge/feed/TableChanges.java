package dev.odoobridge.feed;

import java.util.List;
import java.util.Map;

/**
 * The changes of one table in WatermelonDB's shape: raw records (column name → string, number, boolean or null) and
 * deleted ids.
 *
 * @param created records new to the client
 * @param updated records changed since the client's last pull (or new, when created ones are sent as updated)
 * @param deleted ids of records deleted in Odoo, archived, or moved out of the caller's scope
 */
public record TableChanges(List<Map<String, Object>> created, List<Map<String, Object>> updated, List<String> deleted) {
    public TableChanges {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
    }

    /** No change. */
    public static TableChanges none() {
        return new TableChanges(List.of(), List.of(), List.of());
    }
}
