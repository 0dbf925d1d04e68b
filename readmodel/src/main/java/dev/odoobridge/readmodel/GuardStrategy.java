package dev.odoobridge.readmodel;

/**
 * How the projector enforces the version guard (a stored document is replaced only when the incoming
 * ({@code write_date}, {@code fetched_at}) is not older). Every strategy has the same outcome: stale
 * records are skipped, an equal version is rewritten idempotently, a newer one replaces the stored one.
 */
public enum GuardStrategy {
    /**
     * {@link #CONDITIONAL_FILTER} for a MongoDB server given by connection string, {@link #READ_THEN_WRITE}
     * for the embedded server this process starts and owns. The default.
     */
    AUTO,

    /**
     * Each upsert carries the guard in its filter ({@code _id} plus the version condition); a stale write
     * surfaces as duplicate key error 11000 and is skipped. Atomic per document across any number of
     * writer processes, and served by the {@code _id} index on MongoDB. On the embedded server it scans
     * the whole collection per upsert (that server uses an index only when {@code _id} is the filter's
     * sole key), so it is slow there.
     */
    CONDITIONAL_FILTER,

    /**
     * The stored versions of a page are read with one {@code _id $in} query, then only records that are
     * not older are written with replace-by-{@code _id} upserts; both steps run under a lock per
     * collection held in this JVM. Every query filters by {@code _id} alone, which the embedded server
     * serves from its index. Correct only when this process is the sole writer of the database, as it
     * is for the embedded server; do not choose it for a shared MongoDB. Counting and listing the
     * stored ids of a range (reconciliation) also go by {@code _id}: every key of the range is
     * looked up, so the cost follows the range, not the collection.
     */
    READ_THEN_WRITE
}
