package dev.odoobridge.readmodel.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.changes.ChangeLog;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.conversions.Bson;

/**
 * {@link Projector} on MongoDB: one unordered bulk of replace-upserts per page, guarded by version
 * either in each upsert's filter or, for the embedded server, by reading the stored versions by
 * {@code _id} first under a lock per collection (see {@link GuardStrategy}). Each page, delete or reset is one
 * {@link ChangeBatch}: written documents take their {@code _seq} from it (an unchanged rewrite keeps the stored
 * one), deleted ones leave {@link Tombstones}, and the views it changes write with the same batch.
 */
final class MongoProjector implements Projector {
    private static final Logger LOG = LoggerFactory.getLogger(MongoProjector.class);
    /** One document per (source, model): the highest Odoo id written. */
    static final String MAX_IDS = "_max_ids";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /** Keys per {@code _id $in} lookup when counting or listing a range by key. */
    private static final int KEY_LOOKUP_CHUNK = 5_000;

    private final MongoDatabase db;
    private final Map<String, Projection> projections;
    private final DocumentMapper mapper;
    private final List<DerivedView> views;
    private final Clock clock;
    private final GuardStrategy strategy;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /**
     * With {@link GuardStrategy#READ_THEN_WRITE} (this process the sole writer): the max-id mark per
     * (source, model) as last read or raised here. The mark is raised before documents are written,
     * so no stored document has a higher id, and records above it need no look-up before writing.
     */
    private final Map<String, Long> knownMaxIds = new ConcurrentHashMap<>();
    /** The embedded store's fast paths when it runs in this process, else null: standard commands only. */
    private final StoreFastPaths fastPaths;
    /** Reads by {@code _id}, skipping keys the embedded store's index does not hold. */
    private final KeyReads reads;
    /** The embedded store's in-process writes, used with the read-then-write guard when it offers them. */
    private final InProcessWrites direct;
    /** Serializes view maintenance: pages of different models may recompute the same derived documents. */
    private final ReentrantLock viewLock = new ReentrantLock();
    /** The change sequence every write takes its {@code _seq} from. */
    private final MongoChangeLog changes;
    /** The tombstones deletes leave. */
    private final Tombstones tombstones;
    /** Fields that are no content: a rewrite differing only in them keeps the stored sequence. */
    private static final Set<String> NOT_CONTENT = Set.of("_fetched_at", "_synced_at", ChangeLog.SEQUENCE_FIELD);

    MongoProjector(MongoDatabase db, List<Projection> projections, DocumentMapper mapper, List<DerivedView> views, Clock clock,
                   GuardStrategy strategy, StoreFastPaths fastPaths, KeyReads reads, InProcessWrites direct,
                   MongoChangeLog changes, Tombstones tombstones) {
        if (strategy == GuardStrategy.AUTO) {
            throw new IllegalArgumentException("resolve GuardStrategy.AUTO before creating the projector");
        }
        this.strategy = strategy;
        this.changes = changes;
        this.tombstones = tombstones;
        this.fastPaths = fastPaths;
        this.reads = reads;
        this.direct = direct;
        this.db = db;
        Map<String, Projection> byModel = new LinkedHashMap<>();
        projections.forEach(p -> byModel.put(p.model(), p));
        this.projections = Map.copyOf(byModel);
        this.mapper = mapper;
        this.views = List.copyOf(views);
        this.clock = clock;
    }

    @Override
    public ApplyResult apply(String source, String model, List<OdooRecord> records, Instant fetchedAt) {
        checkSource(source);
        Objects.requireNonNull(records, "records == null");
        Objects.requireNonNull(fetchedAt, "fetchedAt == null");
        MongoCollection<Document> coll = collection(model);
        if (records.isEmpty()) {
            return ApplyResult.EMPTY;
        }
        return guarded(coll, () -> inBatch(batch -> inOneCommit(() -> write(batch, coll, source, model, records, fetchedAt,
                strategy))));
    }

    private ApplyResult write(ChangeBatch batch, MongoCollection<Document> coll, String source, String model,
                              List<OdooRecord> records, Instant fetchedAt, GuardStrategy strategy) {
        Instant now = clock.instant();
        // newest version per id only: two versions of one record in one unordered bulk would race
        Map<String, Document> newest = new LinkedHashMap<>();
        for (OdooRecord r : records) {
            Document doc = mapper.toDocument(source, model, r, fetchedAt, now);
            newest.merge(doc.getString("_id"), doc,
                    (a, b) -> b.getDate("_write_date").after(a.getDate("_write_date")) ? b : a);
        }
        int droppedInPage = records.size() - newest.size();
        List<Document> docs = new ArrayList<>(newest.values());
        // whole documents: an unchanged one keeps its sequence
        Map<String, Document> before = loadBefore(coll, model, keysThatMayExist(source, model, docs, strategy), true);
        batch.expect(2 * docs.size() + 16); // the page and the view documents it changes, usually in one reservation

        Set<Integer> stale = new HashSet<>();
        Set<Integer> carried = new HashSet<>();
        List<WriteModel<Document>> ops = new ArrayList<>(docs.size());
        List<Integer> opIndex = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            String id = d.getString("_id");
            if (strategy == GuardStrategy.READ_THEN_WRITE
                    && StoreVersionGuard.isStale(before.get(id), d.getDate("_write_date"), d.getDate("_fetched_at"))) {
                stale.add(i);
                continue;
            }
            Long kept = unchangedSequence(before.get(id), d);
            d.put(ChangeLog.SEQUENCE_FIELD, kept != null ? kept : batch.next());
            if (strategy == GuardStrategy.CONDITIONAL_FILTER) {
                // an unchanged document keeps its sequence only if nobody changed it since it was read
                if (kept != null) {
                    carried.add(i);
                }
                ops.add(new ReplaceOneModel<>(StoreVersionGuard.filter(id, d.getDate("_write_date"), d.getDate("_fetched_at"),
                        kept), d, UPSERT));
            } else if (before.containsKey(id)) {
                ops.add(new ReplaceOneModel<>(Filters.eq("_id", id), d));
            } else {
                // absent under the collection lock of the sole writer: a plain insert, far cheaper than an upsert
                ops.add(new InsertOneModel<>(d));
            }
            opIndex.add(i);
        }
        List<Document> toWrite = new ArrayList<>(opIndex.size());
        opIndex.forEach(i -> toWrite.add(docs.get(i)));
        raiseMaxId(source, model, toWrite); // first: a crash in between leaves the mark above the documents, never below
        if (strategy == GuardStrategy.READ_THEN_WRITE && direct.available() && !ops.isEmpty()) {
            // the same inserts and replacements, handed to the store in this process instead of sent as a bulk
            List<Document> inserts = new ArrayList<>();
            List<Document> replacements = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                (ops.get(i) instanceof InsertOneModel ? inserts : replacements).add(toWrite.get(i));
            }
            direct.replace(coll, replacements);
            if (!direct.insert(coll, inserts).isEmpty()) {
                LOG.warn("embedded store gave an inconsistent read of {} for '{}'; applying the page with the "
                        + "conditional-filter guard", model, source);
                return write(batch, coll, source, model, records, fetchedAt, GuardStrategy.CONDITIONAL_FILTER);
            }
            ops.clear();
        }
        try {
            if (!ops.isEmpty()) {
                batch.checkLease();
                coll.bulkWrite(ops, UNORDERED);
            }
        } catch (MongoException e) {
            if (strategy == GuardStrategy.READ_THEN_WRITE && isDuplicateKey(e)) {
                // the store holds a key this process took for absent: another writer went past the max-id mark,
                // or a file an older version left inconsistent; apply this page with the atomic filter guard instead
                LOG.warn("embedded store gave an inconsistent read of {} for '{}'; applying the page with the "
                        + "conditional-filter guard", model, source);
                return write(batch, coll, source, model, records, fetchedAt, GuardStrategy.CONDITIONAL_FILTER);
            }
            rethrowClassified(e, coll, source, model, ops.size(), opIndex, stale, strategy);
        }
        rewriteChangedMeanwhile(batch, coll, source, model, docs, stale, carried);
        List<Document> written = new ArrayList<>(docs.size() - stale.size());
        int unchanged = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (stale.contains(i)) {
                continue;
            }
            Document d = docs.get(i);
            written.add(d);
            Document old = before.get(d.getString("_id"));
            if (old != null && d.getDate("_write_date").equals(old.getDate("_write_date"))) {
                unchanged++;
            }
        }
        List<Document> changedBefore = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (Document d : written) {
            Document old = before.get(d.getString("_id"));
            if (old != null) {
                changedBefore.add(old);
            } else {
                created.add(d.getString("_id"));
            }
        }
        tombstones.clear(coll.getNamespace().getCollectionName(), created);
        notifyViews(batch, source, model, changedBefore, written);
        return new ApplyResult(written.size(), stale.size() + droppedInPage, unchanged);
    }

    /**
     * With the conditional filter: the unchanged documents that kept their stored sequence were written only if the
     * stored one still had it; those refused (in {@code stale} now) were changed by another writer since they were
     * read, or are stale. They are written again with a new sequence and the plain guard, which tells the two apart.
     */
    private void rewriteChangedMeanwhile(ChangeBatch batch, MongoCollection<Document> coll, String source, String model,
                                         List<Document> docs, Set<Integer> stale, Set<Integer> carried) {
        List<Integer> again = new ArrayList<>();
        for (Integer i : carried) {
            if (stale.remove(i)) {
                again.add(i);
            }
        }
        if (again.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> ops = new ArrayList<>(again.size());
        for (Integer i : again) {
            Document d = docs.get(i);
            d.put(ChangeLog.SEQUENCE_FIELD, batch.next());
            ops.add(new ReplaceOneModel<>(StoreVersionGuard.filter(d.getString("_id"), d.getDate("_write_date"),
                    d.getDate("_fetched_at"), null), d, UPSERT));
        }
        try {
            batch.checkLease();
            coll.bulkWrite(ops, UNORDERED);
        } catch (MongoException e) {
            rethrowClassified(e, coll, source, model, ops.size(), again, stale, GuardStrategy.CONDITIONAL_FILTER);
        }
    }

    /**
     * The stored document's sequence when the incoming one holds the same content (only {@code _fetched_at},
     * {@code _synced_at} and the sequence may differ): rewriting it is no change a reader of changes needs to see.
     * Null when it differs, is not stored or has no sequence.
     */
    static Long unchangedSequence(Document stored, Document incoming) {
        if (stored == null || !(stored.get(ChangeLog.SEQUENCE_FIELD) instanceof Number seq)) {
            return null;
        }
        int compared = 0;
        for (Map.Entry<String, Object> e : incoming.entrySet()) {
            if (NOT_CONTENT.contains(e.getKey())) {
                continue;
            }
            if (!stored.containsKey(e.getKey()) || !Objects.equals(stored.get(e.getKey()), e.getValue())) {
                return null;
            }
            compared++;
        }
        for (String k : stored.keySet()) {
            if (!NOT_CONTENT.contains(k)) {
                compared--;
            }
        }
        return compared == 0 ? seq.longValue() : null;
    }

    /**
     * Duplicate keys of the conditional filter are stale records (added to {@code stale}); anything else
     * fails the page with a clear message.
     */
    private static void rethrowClassified(MongoException error, MongoCollection<Document> coll, String source, String model,
                                          int opCount, List<Integer> opIndex, Set<Integer> stale, GuardStrategy strategy) {
        if (!(error instanceof MongoBulkWriteException e)) {
            throw new ReadModelException("writing " + opCount + " " + model + " documents for source '" + source
                    + "' failed: " + error.getMessage(), error);
        }
        List<BulkWriteError> other = new ArrayList<>();
        for (BulkWriteError err : e.getWriteErrors()) {
            if (err.getCode() == StoreVersionGuard.DUPLICATE_KEY && strategy == GuardStrategy.CONDITIONAL_FILTER) {
                stale.add(opIndex.get(err.getIndex()));
            } else {
                other.add(err);
            }
        }
        if (!other.isEmpty() || e.getWriteConcernError() != null) {
            BulkWriteError first = other.isEmpty() ? null : other.get(0);
            throw new ReadModelException("MongoDB rejected " + other.size() + " of " + opCount + " writes of " + model
                    + " for source '" + source + "' into '" + coll.getNamespace().getCollectionName() + "'"
                    + (first == null ? "" : "; first: code " + first.getCode() + " at page position " + first.getIndex()
                    + ": " + first.getMessage())
                    + (e.getWriteConcernError() == null ? "" : "; write concern: " + e.getWriteConcernError().getMessage())
                    + "; the page was not fully applied, retry it after fixing the cause", e);
        }
    }

    private static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoBulkWriteException b) {
            return b.getWriteErrors().stream().anyMatch(err -> err.getCode() == StoreVersionGuard.DUPLICATE_KEY
                    || String.valueOf(err.getMessage()).contains("already existed"));
        }
        return e.getCode() == StoreVersionGuard.DUPLICATE_KEY || String.valueOf(e.getMessage()).contains("already existed");
    }

    @Override
    public void fieldTypes(String source, String model, Map<String, String> fieldTypes) {
        mapper.serverTypes(Objects.requireNonNull(source, "source == null"), Objects.requireNonNull(model, "model == null"),
                Objects.requireNonNull(fieldTypes, "fieldTypes == null"));
    }

    @Override
    public long delete(String source, String model, Collection<Long> odooIds) {
        checkSource(source);
        Objects.requireNonNull(odooIds, "odooIds == null");
        MongoCollection<Document> coll = collection(model);
        if (odooIds.isEmpty()) {
            return 0;
        }
        List<String> keys = DocumentMapper.keys(source, odooIds);
        try {
            return guarded(coll, () -> inBatch(batch -> inOneCommit(() -> {
                Map<String, Document> before = loadBefore(coll, model, keys, false);
                tombstones.record(batch, coll.getNamespace().getCollectionName(), before.values());
                batch.checkLease();
                long deleted = ById.delete(coll, keys);
                notifyViews(batch, source, model, new ArrayList<>(before.values()), List.of());
                return deleted;
            })));
        } catch (MongoException e) {
            throw new ReadModelException("deleting " + keys.size() + " " + model + " documents for source '" + source
                    + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long count(String source, String model, long fromId, long toId) {
        checkSource(source);
        if (strategy == GuardStrategy.READ_THEN_WRITE) {
            return idsByKey(source, model, fromId, toId).size();
        }
        return collection(model).countDocuments(range(source, fromId, toId));
    }

    @Override
    public SortedSet<Long> ids(String source, String model, long fromId, long toId) {
        checkSource(source);
        if (strategy == GuardStrategy.READ_THEN_WRITE) {
            return idsByKey(source, model, fromId, toId);
        }
        SortedSet<Long> ids = new TreeSet<>();
        for (Document d : collection(model).find(range(source, fromId, toId))
                .projection(Projections.include("_odoo_id")).sort(Sorts.ascending("_odoo_id"))) {
            ids.add(((Number) d.get("_odoo_id")).longValue());
        }
        return ids;
    }

    @Override
    public SortedSet<Long> existing(String source, String model, Collection<Long> odooIds) {
        checkSource(source);
        MongoCollection<Document> coll = collection(model);
        List<Long> wanted = new ArrayList<>(odooIds);
        SortedSet<Long> ids = new TreeSet<>();
        for (int i = 0; i < wanted.size(); i += KEY_LOOKUP_CHUNK) {
            addStored(coll, source, wanted.subList(i, Math.min(wanted.size(), i + KEY_LOOKUP_CHUNK)), ids);
        }
        return ids;
    }

    @Override
    public long maxId(String source, String model) {
        checkSource(source);
        Document mark = db.getCollection(MAX_IDS).find(Filters.eq("_id", maxIdKey(source, model))).first();
        if (mark != null) {
            return ((Number) mark.get("max")).longValue();
        }
        // a collection written before the mark existed: find it once (the embedded server sorts in memory)
        Document top = collection(model).find(Filters.eq("_source", source))
                .projection(Projections.include("_odoo_id")).sort(Sorts.descending("_odoo_id")).limit(1).first();
        long max = top == null ? 0L : ((Number) top.get("_odoo_id")).longValue();
        if (max > 0) {
            raiseMark(maxIdKey(source, model), max);
        }
        return max;
    }

    /**
     * Keeps the highest Odoo id ever written per (source, model) in a one-document mark, raised with
     * the atomic {@code $max}: reading it is an {@code _id} lookup, where a sorted query makes the
     * embedded server sort the whole collection in memory (it ran a 256 MB heap out at 1,000,000 documents).
     */
    private void raiseMaxId(String source, String model, List<Document> written) {
        long max = 0;
        for (Document d : written) {
            max = Math.max(max, ((Number) d.get("_odoo_id")).longValue());
        }
        String key = maxIdKey(source, model);
        Long known = knownMaxIds.get(key);
        if (max > 0 && (known == null || max > known)) {
            raiseMark(key, max);
            if (known != null) {
                knownMaxIds.put(key, max);
            }
        }
    }

    /**
     * The keys of documents that may be stored already: all of them, except with the read-then-write
     * guard, where ids above the max-id mark cannot be (a full sync into an empty store then reads nothing back).
     */
    private Collection<String> keysThatMayExist(String source, String model, List<Document> docs, GuardStrategy strategy) {
        if (strategy != GuardStrategy.READ_THEN_WRITE) {
            return docs.stream().map(d -> d.getString("_id")).toList();
        }
        long mark = knownMaxIds.computeIfAbsent(maxIdKey(source, model), k -> maxId(source, model));
        List<String> keys = new ArrayList<>(docs.size());
        for (Document d : docs) {
            if (((Number) d.get("_odoo_id")).longValue() <= mark) {
                keys.add(d.getString("_id"));
            }
        }
        return keys;
    }

    /** Raises the stored mark to {@code max} with the atomic {@code $max} (never lowers it). */
    private void raiseMark(String key, long max) {
        db.getCollection(MAX_IDS).updateOne(Filters.eq("_id", key), Updates.max("max", max), new UpdateOptions().upsert(true));
    }

    private static String maxIdKey(String source, String model) {
        return source + "|" + model;
    }

    @Override
    public Optional<Map<String, Object>> find(String source, String model, long odooId) {
        checkSource(source);
        Document d = collection(model).find(Filters.eq("_id", DocumentMapper.key(source, odooId))).first();
        return Optional.ofNullable(d).map(DocumentMapper::toPlain);
    }

    @Override
    public long deleteAll(String source, String model) {
        checkSource(source);
        MongoCollection<Document> coll = collection(model);
        return guarded(coll, () -> inBatch(batch -> {
            // every document leaves a tombstone, written a chunk at a time before the documents go
            List<Document> chunk = new ArrayList<>();
            String name = coll.getNamespace().getCollectionName();
            for (Document d : coll.find(Filters.eq("_source", source)).projection(Projections.include("_id", "_source"))) {
                chunk.add(d);
                if (chunk.size() == 1_000) {
                    tombstones.record(batch, name, chunk);
                    chunk = new ArrayList<>();
                }
            }
            tombstones.record(batch, name, chunk);
            batch.checkLease();
            long deleted = coll.deleteMany(Filters.eq("_source", source)).getDeletedCount();
            db.getCollection(MAX_IDS).deleteOne(Filters.eq("_id", maxIdKey(source, model)));
            knownMaxIds.remove(maxIdKey(source, model));
            viewLock.lock();
            try {
                for (DerivedView v : views) {
                    if (!v.dependencyFields(model).isEmpty()) {
                        v.cleared(batch, source, model);
                    }
                }
            } finally {
                viewLock.unlock();
            }
            return deleted;
        }));
    }

    /**
     * Recomputes every product and lot stock view of the source as one batch, under the views' lock (no page's view
     * maintenance interleaves); returns the number of product views recomputed.
     */
    long rebuildStockViews(String source) {
        return inBatch(batch -> {
            viewLock.lock();
            try {
                long rebuilt = 0;
                for (DerivedView v : views) {
                    if (v instanceof ProductStockView products) {
                        rebuilt += products.rebuildAll(batch, source);
                    } else if (v instanceof LotStockView lots) {
                        lots.cleared(batch, source, "stock.lot");
                    }
                }
                return rebuilt;
            } finally {
                viewLock.unlock();
            }
        });
    }

    /**
     * Runs the read-compare-write of a page (or a delete) and the view maintenance that follows under the
     * collection's lock, so that no other writer in this JVM interleaves; every strategy takes it, which also
     * keeps the derived views' view of "before" consistent.
     */
    /**
     * Runs a page (or a delete) with its view maintenance as one commit of the embedded store when it runs in
     * this process: the page is durable when {@link #apply} returns; a process killed before loses what the page
     * wrote since the store's last commit, and the page, never reported applied, is applied again.
     */
    private <T> T inOneCommit(Supplier<T> work) {
        return fastPaths == null ? work.get() : fastPaths.inOneCommit(work);
    }

    /**
     * Runs the work with a batch of change sequences and ends the batch's registration once the work's writes are
     * acknowledged and committed (on the embedded store, a commit is forced first, also when the work ran outside
     * one commit, so that every sequence a reader may then be told is safe is in the file). A failed batch against
     * another MongoDB leaves its registration to expire: a write of it may still land.
     */
    private <T> T inBatch(Function<ChangeBatch, T> work) {
        ChangeBatch batch = changes.begin();
        boolean done = false;
        try {
            T result = work.apply(batch);
            done = true;
            return result;
        } finally {
            if (batch.used() && fastPaths != null) {
                fastPaths.inOneCommit(() -> null); // commits what is not yet committed
            }
            if (done) {
                batch.close();
            } else {
                batch.failed();
            }
        }
    }

    private <T> T guarded(MongoCollection<Document> coll, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(coll.getNamespace().getCollectionName(), k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The stored documents with these keys: whole, or with the fields the guard, views and tombstones need. */
    private Map<String, Document> loadBefore(MongoCollection<Document> coll, String model, Collection<String> keys,
                                             boolean whole) {
        Set<String> fields = new HashSet<>(List.of("_write_date", "_fetched_at", "_odoo_id", "_source"));
        views.forEach(v -> fields.addAll(v.dependencyFields(model)));
        Map<String, Document> before = new HashMap<>();
        reads.find(coll, keys, whole ? null : new ArrayList<>(fields), d -> before.put(d.getString("_id"), d));
        return before;
    }

    private void notifyViews(ChangeBatch batch, String source, String model, List<Document> before, List<Document> after) {
        viewLock.lock();
        try {
            for (DerivedView v : views) {
                if (!v.dependencyFields(model).isEmpty()) {
                    v.changed(batch, source, model, before, after);
                }
            }
        } finally {
            viewLock.unlock();
        }
    }

    /**
     * The ids of a range found by looking up every possible key with {@code _id $in}, a chunk at a
     * time: the embedded server answers those from its {@code _id} index, where a range filter (and
     * any count, which it runs as an aggregation) visits every document of the collection. Ids above
     * the highest one ever written are not looked up.
     */
    private SortedSet<Long> idsByKey(String source, String model, long fromId, long toId) {
        MongoCollection<Document> coll = collection(model);
        SortedSet<Long> ids = new TreeSet<>();
        long last = Math.min(toId, maxId(source, model)); // no document has a higher id than the mark
        for (long a = Math.max(1, fromId); a <= last; a += KEY_LOOKUP_CHUNK) {
            addStored(coll, source, LongStream.rangeClosed(a, Math.min(last, a + KEY_LOOKUP_CHUNK - 1)).boxed().toList(), ids);
        }
        return ids;
    }

    /** Adds to {@code into} those of the Odoo ids whose documents the collection holds for the source. */
    private void addStored(MongoCollection<Document> coll, String source, List<Long> odooIds, SortedSet<Long> into) {
        existingKeys(coll, DocumentMapper.keys(source, odooIds)).forEach(k -> into.add(DocumentMapper.odooId(k)));
    }

    /**
     * Which of the keys the collection holds: from the embedded store's index through its fast path when
     * it runs in this process, otherwise with chunked {@code _id $in} reads of the {@code _id} alone.
     */
    private List<String> existingKeys(MongoCollection<Document> coll, List<String> keys) {
        if (fastPaths != null) {
            return fastPaths.existingIds(db.getName(), coll.getNamespace().getCollectionName(), keys);
        }
        List<String> existing = new ArrayList<>();
        try {
            ById.find(coll, keys, List.of("_id"), d -> existing.add(d.getString("_id")));
        } catch (MongoException e) {
            throw new ReadModelException("reading which of " + keys.size() + " documents '"
                    + coll.getNamespace().getCollectionName() + "' holds failed: " + e.getMessage(), e);
        }
        return existing;
    }

    private static Bson range(String source, long fromId, long toId) {
        return Filters.and(Filters.eq("_source", source), Filters.gte("_odoo_id", fromId), Filters.lte("_odoo_id", toId));
    }

    private MongoCollection<Document> collection(String model) {
        Objects.requireNonNull(model, "model == null");
        Projection p = projections.get(model);
        if (p == null) {
            throw new IllegalArgumentException("no projection for model '" + model + "'; configured models: "
                    + new TreeSet<>(projections.keySet()));
        }
        return db.getCollection(p.collection());
    }

    private static void checkSource(String source) {
        Objects.requireNonNull(source, "source == null");
        if (source.isBlank() || source.indexOf(':') >= 0) {
            throw new IllegalArgumentException("source must be a non-blank name without ':', was '" + source + "'");
        }
    }
}
