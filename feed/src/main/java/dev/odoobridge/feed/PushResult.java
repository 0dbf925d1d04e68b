package dev.odoobridge.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A push's answer. Records not rejected were written to Odoo and re-synced into the read model before it was given.
 *
 * @param rejected table → record id → why (WatermelonDB's {@code experimentalRejectedIds} are these ids)
 * @param writeCheckpoint a {@code timestamp} that covers the written records: a pull whose {@code timestamp} is at
 *     least this one has them with their Odoo values (names, totals); 1 when nothing was written
 * @param written how many records were written (created, updated or deleted) in Odoo
 */
public record PushResult(Map<String, Map<String, Rejection>> rejected, long writeCheckpoint, int written) {
    public PushResult {
        Map<String, Map<String, Rejection>> copy = new LinkedHashMap<>();
        rejected.forEach((t, m) -> copy.put(t, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        rejected = Collections.unmodifiableMap(copy);
    }

    /** The rejected ids per table, as WatermelonDB's {@code experimentalRejectedIds}. */
    public Map<String, List<String>> rejectedIds() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        rejected.forEach((t, m) -> ids.put(t, List.copyOf(m.keySet())));
        return ids;
    }
}
