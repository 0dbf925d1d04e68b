package dev.odoobridge.readmodel.internal;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The version guard of every upsert: the stored document matches (and is replaced) only when it is
 * not newer than the incoming one, ordered by ({@code _write_date}, {@code _fetched_at}). When it is
 * newer the filter matches nothing, the upsert tries to insert a second document with the same
 * {@code _id} and MongoDB answers with duplicate key error 11000: that is a stale write, skipped.
 */
final class StoreVersionGuard {
    static final int DUPLICATE_KEY = 11000;

    private StoreVersionGuard() {
    }

    static Bson filter(String id, Date writeDate, Date fetchedAt) {
        return new Document("_id", id).append("$or", List.of(
                new Document("_write_date", new Document("$lt", writeDate)),
                new Document("_write_date", writeDate).append("_fetched_at", new Document("$lte", fetchedAt))));
    }
}
