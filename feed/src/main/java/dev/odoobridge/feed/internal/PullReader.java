package dev.odoobridge.feed.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.odoobridge.feed.ColumnType;
import dev.odoobridge.feed.FeedColumn;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import dev.odoobridge.feed.FeedScope;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.PullPage;
import dev.odoobridge.feed.PullRequest;
import dev.odoobridge.feed.TableChanges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Answers pulls from the read model's documents and tombstones by change sequence.
 *
 * <p>Why the answer's {@code timestamp} is safe: the upper bound {@code U} of a pull is the change log's safe
 * sequence read once when the pull starts, so no change at or below {@code U} can still appear (writers that hold a
 * lower sequence have finished). The pull reads, per table, the live documents, the stock-view documents (for tables
 * with stock columns) and the tombstones with a sequence in {@code (L, U]} (first sync: the live documents up to
 * {@code U} only, so a record created and deleted before it is never sent), each stream sorted by sequence, and
 * merges them by sequence up to the page size. Sequences are unique in a database, so cutting the merge after the
 * page's last change {@code c} leaves no change at or below {@code c} unsent; the page's timestamp is {@code c + 1}
 * (or {@code U + 1} when everything up to {@code U} fitted). A document changed while the pull runs gets a sequence
 * above {@code U} and is sent by the next pull; at worst a document is sent twice, never skipped. Memory is bounded
 * by the page size and the cursors' batches: nothing reads a whole collection.
 */
final class PullReader {
    /** The derived stock view's collection (readmodel's stock view, keyed like product.product's documents). */
    static final String STOCK_COLLECTION = "product_stock";
    static final String TOMBSTONES = "_tombstones";
    private static final int BATCH = 1_000;

    private final MongoDatabase db;
    private final FeedConfig config;
    private final ClientIds clientIds;

    PullReader(MongoDatabase db, FeedConfig config, ClientIds clientIds) {
        this.db = db;
        this.config = config;
        this.clientIds = clientIds;
    }

    PullPage pull(FeedScope scope, PullRequest request) {
        List<FeedTable> tables = TableScope.readable(config, scope, request.tables());
        long upper = config.sequence().safeSequence();
        boolean first = request.lastPulledAt().isEmpty();
        long lower = first ? 0 : request.lastPulledAt().getAsLong() - 1;
        if (!first && lower > upper) {
            throw new FeedException(Reason.FULL_RESYNC_REQUIRED, "last_pulled_at " + request.lastPulledAt().getAsLong()
                    + " is ahead of this read model (" + (upper + 1) + "): it comes from another database; reset the "
                    + "local database and pull with last_pulled_at=null");
        }
        boolean asUpdated = request.sendCreatedAsUpdated().orElse(config.sendCreatedAsUpdated());
        try {
            return read(scope, tables, first, lower, upper, !first || asUpdated);
        } catch (MongoException e) {
            throw new FeedException(Reason.UNAVAILABLE, "the read model failed: " + e.getMessage(), e);
        }
    }

    private PullPage read(FeedScope scope, List<FeedTable> tables, boolean first, long lower, long upper,
                          boolean asUpdated) {
        int limit = config.pageSize();
        List<Stream> streams = new ArrayList<>();
        try {
            for (FeedTable t : tables) {
                String coll = config.collectionOf(t.model());
                Bson range = first ? Filters.lte("_seq", upper) : Filters.and(Filters.gt("_seq", lower), Filters.lte("_seq", upper));
                streams.add(new Stream(t, Kind.LIVE, db.getCollection(coll).find(Filters.and(Filters.eq("_source", scope.source()), range))
                        .projection(Projections.include(fields(t))).sort(Sorts.ascending("_seq")).limit(limit + 1)
                        .batchSize(Math.min(limit + 1, BATCH)).iterator()));
                if (!first && t.readsStock()) {
                    streams.add(new Stream(t, Kind.STOCK, db.getCollection(STOCK_COLLECTION)
                            .find(Filters.and(Filters.eq("_source", scope.source()), range))
                            .projection(Projections.include("_id", "_seq")).sort(Sorts.ascending("_seq")).limit(limit + 1)
                            .batchSize(Math.min(limit + 1, BATCH)).iterator()));
                }
                if (!first) {
                    streams.add(new Stream(t, Kind.TOMBSTONE, db.getCollection(TOMBSTONES)
                            .find(Filters.and(Filters.eq("coll", coll), Filters.eq("_source", scope.source()), range))
                            .projection(Projections.include("docId", "_seq")).sort(Sorts.ascending("_seq")).limit(limit + 1)
                            .batchSize(Math.min(limit + 1, BATCH)).iterator()));
                }
            }
            PriorityQueue<Stream> heads = new PriorityQueue<>((a, b) -> Long.compare(a.seq, b.seq));
            for (Stream s : streams) {
                if (s.advance()) {
                    heads.add(s);
                }
            }
            Map<FeedTable, Map<Long, Object>> page = new LinkedHashMap<>();
            tables.forEach(t -> page.put(t, new LinkedHashMap<>()));
            int taken = 0;
            long covered = upper;
            while (!heads.isEmpty() && taken < limit) {
                Stream s = heads.poll();
                Map<Long, Object> rows = page.get(s.table);
                switch (s.kind) {
                    case LIVE -> {
                        long id = RowMapper.odooId(s.current);
                        rows.remove(id);
                        rows.put(id, s.current);
                    }
                    case STOCK -> {
                        long id = RowMapper.idFromKey(s.current.get("_id"));
                        if (!(rows.get(id) instanceof Document)) {
                            rows.remove(id);
                            rows.put(id, Marker.FETCH);
                        }
                    }
                    case TOMBSTONE -> {
                        long id = RowMapper.idFromKey(s.current.get("docId"));
                        rows.remove(id);
                        rows.put(id, Marker.DELETED);
                    }
                }
                taken++;
                covered = s.seq;
                if (s.advance()) {
                    heads.add(s);
                }
            }
            boolean hasMore = !heads.isEmpty();
            if (!first) {
                // checked after the read: a purge that ran meanwhile raised it before it deleted anything
                long oldest = config.sequence().oldestRetained();
                if (lower < oldest) {
                    throw new FeedException(Reason.FULL_RESYNC_REQUIRED, "last_pulled_at " + (lower + 1) + " is older than "
                            + "the oldest retained change (" + (oldest + 1) + "): deletions since then were purged; reset "
                            + "the local database and pull with last_pulled_at=null");
                }
            }
            long timestamp = (hasMore ? covered : upper) + 1;
            return new PullPage(render(scope, page, first, asUpdated), timestamp, hasMore);
        } finally {
            streams.forEach(s -> s.cursor.close());
        }
    }

    private Map<String, TableChanges> render(FeedScope scope, Map<FeedTable, Map<Long, Object>> page, boolean first,
                                             boolean asUpdated) {
        String source = scope.source();
        Map<FeedTable, Map<Long, Document>> stock = new HashMap<>();
        Map<String, Set<Long>> idsByModel = new HashMap<>();
        for (Map.Entry<FeedTable, Map<Long, Object>> e : page.entrySet()) {
            FeedTable t = e.getKey();
            Map<Long, Object> rows = e.getValue();
            List<Long> fetch = new ArrayList<>();
            rows.forEach((id, state) -> {
                if (state == Marker.FETCH) {
                    fetch.add(id);
                }
            });
            if (!fetch.isEmpty()) {
                Map<Long, Document> docs = byKey(config.collectionOf(t.model()), source, fetch, fields(t));
                for (Long id : fetch) {
                    Document d = docs.get(id);
                    if (d == null) {
                        rows.remove(id); // not synced yet, or deleted after this pull's upper bound: its tombstone comes next
                    } else {
                        rows.put(id, d);
                    }
                }
            }
            if (t.readsStock()) {
                List<Long> live = rows.entrySet().stream().filter(x -> x.getValue() instanceof Document).map(Map.Entry::getKey).toList();
                stock.put(t, live.isEmpty() ? Map.of() : byKey(STOCK_COLLECTION, source, live, List.of("_id", "on_hand", "warehouses", "vendor_ids")));
            }
            Set<Long> own = idsByModel.computeIfAbsent(t.model(), m -> new HashSet<>());
            own.addAll(rows.keySet());
            for (FeedColumn c : t.columns()) {
                if (c.type() == ColumnType.REFERENCE) {
                    Set<Long> refs = idsByModel.computeIfAbsent(c.refModel(), m -> new HashSet<>());
                    rows.values().forEach(v -> {
                        if (v instanceof Document d) {
                            long ref = RowMapper.refId(d.get(c.field()));
                            if (ref != 0) {
                                refs.add(ref);
                            }
                        }
                    });
                }
            }
        }
        Map<String, Map<Long, String>> ids = new HashMap<>();
        idsByModel.forEach((model, set) -> {
            if (!set.isEmpty()) {
                ids.put(model, clientIds.clientIds(source, model, set));
            }
        });
        Map<String, TableChanges> out = new LinkedHashMap<>();
        for (Map.Entry<FeedTable, Map<Long, Object>> e : page.entrySet()) {
            FeedTable t = e.getKey();
            List<Map<String, Object>> created = new ArrayList<>();
            List<Map<String, Object>> updated = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            Map<Long, Document> stockDocs = stock.getOrDefault(t, Map.of());
            e.getValue().forEach((id, state) -> {
                if (state instanceof Document d && visible(scope, t, d, stockDocs.get(id))) {
                    (asUpdated ? updated : created).add(RowMapper.row(t, d, stockDocs.get(id), ids));
                } else if (!first) {
                    deleted.add(RowMapper.idOf(ids, t.model(), id));
                }
            });
            out.put(t.name(), new TableChanges(created, updated, deleted));
        }
        return out;
    }

    /** Live, and within the caller's vendor scope when it has one. */
    private static boolean visible(FeedScope scope, FeedTable t, Document doc, Document stock) {
        if (Boolean.FALSE.equals(doc.get("active"))) {
            return false;
        }
        if (!scope.vendorScoped()) {
            return true;
        }
        if (!t.vendorScoped() || stock == null || !(stock.get("vendor_ids") instanceof List<?> vendors)) {
            return false;
        }
        for (Object v : vendors) {
            if (v instanceof Number n && scope.vendorPartnerIds().contains(n.longValue())) {
                return true;
            }
        }
        return false;
    }

    private Map<Long, Document> byKey(String collection, String source, Collection<Long> ids, List<String> fields) {
        List<String> keys = ids.stream().map(id -> source + ":" + id).toList();
        Map<Long, Document> out = new HashMap<>();
        for (Document d : db.getCollection(collection).find(Filters.and(Filters.in("_id", keys), Filters.eq("_source", source)))
                .projection(Projections.include(fields))) {
            out.put(RowMapper.idFromKey(d.get("_id")), d);
        }
        return out;
    }

    private static List<String> fields(FeedTable t) {
        Set<String> f = new LinkedHashSet<>(List.of("_id", "_odoo_id", "_seq", "active"));
        for (FeedColumn c : t.columns()) {
            if (c.field() != null) {
                f.add(c.field());
            }
        }
        return List.copyOf(f);
    }

    private enum Kind { LIVE, STOCK, TOMBSTONE }

    private enum Marker { FETCH, DELETED }

    /** One sorted cursor and its current document. */
    private static final class Stream {
        final FeedTable table;
        final Kind kind;
        final MongoCursor<Document> cursor;
        Document current;
        long seq;

        Stream(FeedTable table, Kind kind, MongoCursor<Document> cursor) {
            this.table = table;
            this.kind = kind;
            this.cursor = cursor;
        }

        boolean advance() {
            if (!cursor.hasNext()) {
                return false;
            }
            current = cursor.next();
            seq = ((Number) current.get("_seq")).longValue();
            return true;
        }
    }
}
