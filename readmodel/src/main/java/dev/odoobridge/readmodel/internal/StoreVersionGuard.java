package dev.odoobridge.readmodel.internal;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The version guard of every upsert: the stored document is replaced only when it is not newer than
 * the incoming one, ordered by ({@code _write_date}, {@code _fetched_at}). As a filter (for
 * {@link dev.odoobridge.readmodel.GuardStrategy#CONDITIONAL_FILTER}): when the stored document is
 * newer the filter matches nothing, the upsert tries to insert a second document with the same
 * {@code _id} and MongoDB answers with duplicate key error 11000: that is a stale write, skipped. As a
 * predicate on the stored version (for {@link dev.odoobridge.readmodel.GuardStrategy#READ_THEN_WRITE}):
 * {@link #isStale}, the exact complement of the filter.
 */
final class StoreVersionGuard {
    static final int DUPLICATE_KEY = 11000;

    private StoreVersionGuard() {
    }

    static Bson filter(String id, Date writeDate, Date fetchedAt) {
        return filter(id, writeDate, fetchedAt, null);
    }

    /** The guard, and when {@code sequence} is not null also that the stored document still has that change sequence. */
    static Bson filter(String id, Date writeDate, Date fetchedAt, Long sequence) {
        Document filter = new Document("_id", id).append("$or", List.of(
                new Document("_write_date", new Document("$lt", writeDate)),
                new Document("_write_date", writeDate).append("_fetched_at", new Document("$lte", fetchedAt))));
        if (sequence != null) {
            filter.append("_seq", sequence);
        }
        return filter;
    }

    /** True when the stored document (null when absent) is newer than the incoming version, which must then be skipped. */
    static boolean isStale(Document stored, Date writeDate, Date fetchedAt) {
        if (stored == null) {
            return false;
        }
        Date storedWrite = stored.getDate("_write_date");
        Date storedFetch = stored.getDate("_fetched_at");
        int byWrite = storedWrite.compareTo(writeDate);
        return byWrite > 0 || (byWrite == 0 && storedFetch.compareTo(fetchedAt) > 0);
    }
}
