package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * {@link ChangeLog} on MongoDB: the counter document {@code _sequences/changes} ({@code value}, the highest
 * sequence reserved; {@code oldestRetained}), writers' registrations and the safe sequence derived from both
 * (the argument is in {@link ChangeLog}'s Javadoc). Writers take sequences through a {@link ChangeBatch} from
 * {@link #begin()}.
 *
 * <p>Registrations live in the collection {@code _inflight} ({@code {_id: token, floor, expiresAt}}), where
 * readers in every process see them, except on the embedded store this process started: it is the store's only
 * writer and its only reader, so they live in memory (no round trip, no commit of the file store per page).
 */
final class MongoChangeLog implements ChangeLog {
    static final String SEQUENCES = "_sequences";
    static final String INFLIGHT = "_inflight";
    static final String COUNTER = "changes";
    /** How long a registration lives without renewal: a crashed writer holds the safe sequence back this long at most. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final MongoDatabase db;
    private final Clock clock;
    private final Clock leaseClock;
    private final Duration lease;
    private final Duration horizon;
    /** Registrations in this process (the embedded store), or null: they are in {@link #INFLIGHT}. */
    private final Map<String, Long> local;
    /** The highest counter value seen: a lower bound of every block reserved from now on. */
    private final AtomicLong seen = new AtomicLong();
    /** The highest safe sequence answered (a safe value stays safe). */
    private final AtomicLong answered = new AtomicLong();

    /**
     * @param clock for tombstones' {@code deletedAt} and the purge's "now"
     * @param leaseClock for registrations' expiry (the real time)
     * @param inProcess whether this process owns the store (the embedded store): registrations then stay in memory
     */
    MongoChangeLog(MongoDatabase db, Clock clock, Clock leaseClock, Duration lease, Duration horizon, boolean inProcess) {
        this.db = db;
        this.clock = clock;
        this.leaseClock = leaseClock;
        this.lease = lease;
        this.horizon = horizon;
        this.local = inProcess ? new ConcurrentHashMap<>() : null;
    }

    /**
     * Prepares the log when the read model opens: reads the counter; when this process owns the store, removes
     * registrations a killed process left behind; gives documents written before sequences existed one (once per
     * database, in one batch).
     */
    void open(List<String> collections, boolean soleWriter) {
        if (soleWriter) {
            db.getCollection(INFLIGHT).deleteMany(new Document());
        }
        Document counter = counter();
        observe(value(counter, "value"));
        if (counter == null || !Boolean.TRUE.equals(counter.get("numbered"))) {
            List<String> unnumbered = collections.stream()
                    .filter(name -> db.getCollection(name).find(Filters.exists(SEQUENCE_FIELD, false)).first() != null).toList();
            if (!unnumbered.isEmpty()) {
                try (ChangeBatch batch = begin()) {
                    long seq = batch.next();
                    for (String name : unnumbered) {
                        db.getCollection(name).updateMany(Filters.exists(SEQUENCE_FIELD, false), Updates.set(SEQUENCE_FIELD, seq));
                    }
                }
            }
            db.getCollection(SEQUENCES).updateOne(Filters.eq("_id", COUNTER), Updates.set("numbered", true),
                    new UpdateOptions().upsert(true));
        }
    }

    /** A new batch of changes; close it once every write made with its sequences is acknowledged (and committed). */
    ChangeBatch begin() {
        return new ChangeBatch(this);
    }

    /** The clock of tombstones' {@code deletedAt}. */
    Clock clock() {
        return clock;
    }

    /** Registers a batch about to reserve sequences: every one it reserves will be at least the returned floor. */
    Instant register(String token) {
        long floor = seen.get() + 1;
        Instant expires = leaseClock.instant().plus(lease);
        if (local != null) {
            local.put(token, floor);
        } else {
            db.getCollection(INFLIGHT).insertOne(new Document("_id", token).append("floor", floor)
                    .append("expiresAt", Date.from(expires)));
        }
        return expires;
    }

    /** Extends a registration; false when it is gone (expired and purged). */
    boolean renew(String token, Instant expires) {
        if (local != null) {
            return local.containsKey(token);
        }
        return db.getCollection(INFLIGHT).updateOne(Filters.eq("_id", token), Updates.set("expiresAt", Date.from(expires)))
                .getMatchedCount() == 1;
    }

    void unregister(String token) {
        if (local != null) {
            local.remove(token);
        } else {
            db.getCollection(INFLIGHT).deleteOne(Filters.eq("_id", token));
        }
    }

    /**
     * Reserves {@code n} sequences; returns the last one (the block is {@code last - n + 1 .. last}). The block is
     * computed from the counter as it was before the increment: the embedded server (mongo-java-server) answers
     * {@code returnDocument: after} with its stored document, which a concurrent increment may change before the
     * reply is encoded (two writers then got the same block); the document before is a copy on every server.
     */
    long reserve(int n) {
        Document before = db.getCollection(SEQUENCES).findOneAndUpdate(Filters.eq("_id", COUNTER), Updates.inc("value", (long) n),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long last = value(before, "value") + n;
        observe(last);
        return last;
    }

    /** Whether registrations are kept in this process (the embedded store) rather than in MongoDB. */
    boolean registersInProcess() {
        return local != null;
    }

    Instant leaseNow() {
        return leaseClock.instant();
    }

    Duration lease() {
        return lease;
    }

    static String newToken() {
        return UUID.randomUUID().toString();
    }

    @Override
    public long safeSequence() {
        long value = value(counter(), "value");
        observe(value);
        long safe = value;
        if (local != null) {
            for (long floor : local.values()) {
                safe = Math.min(safe, floor - 1);
            }
        } else {
            Document lowest = db.getCollection(INFLIGHT).find(Filters.gt("expiresAt", Date.from(leaseClock.instant())))
                    .projection(Projections.include("floor")).sort(Sorts.ascending("floor")).limit(1).first();
            if (lowest != null) {
                safe = Math.min(safe, value(lowest, "floor") - 1);
            }
        }
        return answered.accumulateAndGet(safe, Math::max);
    }

    @Override
    public long oldestRetained() {
        return value(counter(), "oldestRetained");
    }

    @Override
    public int purgeTombstones() {
        return purgeTombstones(horizon);
    }

    @Override
    public int purgeTombstones(Duration horizon) {
        Objects.requireNonNull(horizon, "horizon == null");
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("horizon must not be negative, was " + horizon);
        }
        if (local == null) {
            db.getCollection(INFLIGHT).deleteMany(Filters.lt("expiresAt", Date.from(leaseClock.instant().minus(lease))));
        }
        MongoCollection<Document> tombstones = db.getCollection(TOMBSTONES);
        Date cutoff = Date.from(clock.instant().minus(horizon));
        Document newest = tombstones.find(Filters.lt("deletedAt", cutoff)).projection(Projections.include(SEQUENCE_FIELD))
                .sort(Sorts.descending(SEQUENCE_FIELD)).limit(1).first();
        if (newest == null) {
            return 0;
        }
        long retained = value(newest, SEQUENCE_FIELD);
        // raised first: a reader that checks it after reading finds out about every tombstone removed meanwhile
        db.getCollection(SEQUENCES).updateOne(Filters.eq("_id", COUNTER), Updates.max("oldestRetained", retained),
                new UpdateOptions().upsert(true));
        return (int) tombstones.deleteMany(Filters.and(Filters.lt("deletedAt", cutoff), Filters.lte(SEQUENCE_FIELD, retained)))
                .getDeletedCount();
    }

    private Document counter() {
        return db.getCollection(SEQUENCES).find(Filters.eq("_id", COUNTER)).first();
    }

    private void observe(long value) {
        seen.accumulateAndGet(value, Math::max);
    }

    /** The field's number, 0 when the document or the field is missing. */
    private static long value(Document d, String field) {
        return d != null && d.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
