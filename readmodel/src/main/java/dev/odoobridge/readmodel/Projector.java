package dev.odoobridge.readmodel;

import dev.odoobridge.client.OdooRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes Odoo records into MongoDB, one collection per model, idempotently and guarded by
 * version: a stored document is replaced only when the incoming ({@code write_date},
 * {@code fetched_at}) is not older than the stored one. Also maintains the derived stock views
 * for the records it touches. Thread-safe.
 */
public interface Projector {

    /**
     * Upserts records read from Odoo at {@code fetchedAt} (when the read was sent). Returns when
     * MongoDB acknowledged every write; stale records are skipped, not failed.
     */
    ApplyResult apply(String source, String model, List<OdooRecord> records, Instant fetchedAt);

    /**
     * Tells the projector the Odoo types of a model's fields as the source's server reports them
     * ({@code fields_get}: {@code monetary}, {@code many2one_reference}, {@code html}, ...), so that
     * {@code False} and dates are mapped by the server's types rather than by a built-in guess. Called by
     * the sync before it applies records read with a newly read schema. The default ignores them (a
     * projector that stores values as they come needs no types).
     *
     * @param fieldTypes field name → Odoo type
     */
    default void fieldTypes(String source, String model, Map<String, String> fieldTypes) {
    }

    /** Deletes documents by Odoo id (and updates derived views). Returns how many were deleted. */
    long delete(String source, String model, Collection<Long> odooIds);

    /** Number of documents of the model for the source with {@code fromId <= odoo id <= toId}. */
    long count(String source, String model, long fromId, long toId);

    /** The Odoo ids stored for the source and model within {@code [fromId, toId]}, ascending. */
    SortedSet<Long> ids(String source, String model, long fromId, long toId);

    /**
     * Which of the given Odoo ids are stored for the source and model, ascending. The default asks
     * {@link #ids} for the span from the lowest to the highest of them; the MongoDB projector looks
     * the ids up by key, so its cost follows the number of ids, not their span.
     */
    default SortedSet<Long> existing(String source, String model, Collection<Long> odooIds) {
        if (odooIds.isEmpty()) {
            return new TreeSet<>();
        }
        long low = odooIds.stream().mapToLong(Long::longValue).min().orElseThrow();
        long high = odooIds.stream().mapToLong(Long::longValue).max().orElseThrow();
        SortedSet<Long> stored = new TreeSet<>(ids(source, model, low, high));
        stored.retainAll(new HashSet<>(odooIds));
        return stored;
    }

    /**
     * Highest Odoo id written for the source and model, or 0 — an upper bound for id ranges: a
     * deleted record's id may still count.
     */
    long maxId(String source, String model);

    /** The stored fields of one record (Odoo field names, plain Java values; many2one as {@code {id, name}} map), if present. */
    Optional<Map<String, Object>> find(String source, String model, long odooId);

    /** Deletes every document of the model for the source (used by a full reset). */
    long deleteAll(String source, String model);

    /**
     * Quantity on hand of one {@code product.product} for the source as the derived stock view
     * holds it: the sum of its quants in internal locations, which is what Odoo reports as
     * {@code qty_available} without a warehouse or location context (0 for a product without
     * quants). Empty when this projector maintains no stock view; the default returns empty.
     */
    default OptionalDouble stockOnHand(String source, long productId) {
        return OptionalDouble.empty();
    }
}
