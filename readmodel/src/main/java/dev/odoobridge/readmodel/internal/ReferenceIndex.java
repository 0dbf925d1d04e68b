package dev.odoobridge.readmodel.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Reverse many2one references kept by {@code _id}: for each indexed (model, field) and referenced id,
 * one document {@code "<source>|<model>|<field>|<ref id>"} listing the Odoo ids of the documents
 * pointing at it (e.g. the quants of a product). The stock views find the documents a product, lot
 * or location concerns through it with {@code _id} lookups only, which every store (including the
 * embedded server, whose secondary indexes are not used for queries) serves from its primary index.
 * The list may hold an id whose document has since moved elsewhere: readers re-check the reference.
 * Changes are applied with per-document {@code $pull} / {@code $addToSet}, which are atomic, so
 * several processes writing the same MongoDB never lose each other's references.
 */
final class ReferenceIndex implements DerivedView {
    static final String COLLECTION = "_references";
    /** Documents per reply when indexing a store's existing documents. */
    static final int BUILD_BATCH = 2000;
    private static final Map<String, List<String>> INDEXED = Map.of(
            "stock.quant", List.of("product_id", "lot_id", "location_id"),
            "stock.move", List.of("product_id", "location_id", "location_dest_id"),
            "stock.warehouse.orderpoint", List.of("product_id"),
            "product.supplierinfo", List.of("product_id", "product_tmpl_id"),
            "product.product", List.of("product_tmpl_id"));

    private final MongoDatabase db;
    private final KeyReads reads;
    private final boolean soleWriter;
    private final InProcessWrites direct;

    /**
     * @param soleWriter whether this process is the database's only writer (absent entries may then be inserted)
     * @param direct the embedded store's in-process writes, which take those inserts when it offers them
     */
    ReferenceIndex(MongoDatabase db, KeyReads reads, boolean soleWriter, InProcessWrites direct) {
        this.db = db;
        this.reads = reads;
        this.soleWriter = soleWriter;
        this.direct = direct;
    }

    static String key(String source, String model, String field, long refId) {
        return source + "|" + model + "|" + field + "|" + refId;
    }

    @Override
    public Set<String> dependencyFields(String model) {
        List<String> fields = INDEXED.get(model);
        if (fields == null) {
            return Set.of();
        }
        Set<String> all = new HashSet<>(fields);
        all.add("_odoo_id");
        return all;
    }

    @Override
    public void changed(ChangeBatch batch, String source, String model, List<Document> before, List<Document> after) {
        changed(source, model, before, after);
    }

    /** The index entries of the changed documents updated (the index carries no change sequence). */
    void changed(String source, String model, List<Document> before, List<Document> after) {
        List<String> fields = INDEXED.get(model);
        if (fields == null) {
            return;
        }
        Map<Long, Document> old = byOdooId(before);
        Map<Long, Document> now = byOdooId(after);
        Set<Long> ids = new TreeSet<>(old.keySet());
        ids.addAll(now.keySet());
        Map<String, Set<Long>> adds = new TreeMap<>();
        Map<String, Set<Long>> pulls = new TreeMap<>();
        for (String field : fields) {
            for (Long id : ids) {
                Document o = old.get(id);
                Document n = now.get(id);
                Long from = o == null ? null : StockAggregations.refId(o, field);
                Long to = n == null ? null : StockAggregations.refId(n, field);
                if (from != null && !from.equals(to)) {
                    pulls.computeIfAbsent(key(source, model, field, from), k -> new TreeSet<>()).add(id);
                }
                if (to != null && !to.equals(from)) {
                    adds.computeIfAbsent(key(source, model, field, to), k -> new TreeSet<>()).add(id);
                }
            }
        }
        Set<String> keys = new TreeSet<>(adds.keySet());
        keys.addAll(pulls.keySet());
        if (keys.isEmpty()) {
            return;
        }
        // $pull / $addToSet are atomic per document, so processes writing the same MongoDB never lose
        // each other's references (a read-modify-write of the id list would)
        MongoCollection<Document> coll = db.getCollection(COLLECTION);
        Set<String> absent = absentEntries(coll, adds.keySet());
        List<WriteModel<Document>> ops = new ArrayList<>();
        List<Document> inserts = new ArrayList<>();
        for (String k : keys) {
            Set<Long> pull = pulls.getOrDefault(k, Set.of());
            Set<Long> add = adds.getOrDefault(k, Set.of());
            if (!pull.isEmpty() && !absent.contains(k)) { // pulling from an entry not stored changes nothing
                ops.add(new UpdateOneModel<>(Filters.eq("_id", k), Updates.pullAll("ids", new ArrayList<>(pull))));
            }
            if (absent.contains(k)) {
                // a new entry in a store this process alone writes: a plain insert, far cheaper there than an upsert
                Document entry = new Document("_id", k).append("ids", new ArrayList<>(add));
                if (direct.available()) {
                    inserts.add(entry);
                } else {
                    ops.add(new InsertOneModel<>(entry));
                }
            } else if (!add.isEmpty()) {
                ops.add(new UpdateOneModel<>(Filters.eq("_id", k), Updates.addEachToSet("ids", new ArrayList<>(add)),
                        new UpdateOptions().upsert(true)));
            }
        }
        // the entries inserted in process and those updated by command have different keys: their order does not matter
        direct.insertAbsent(coll, inserts);
        if (!ops.isEmpty()) {
            coll.bulkWrite(ops, new BulkWriteOptions().ordered(true));
        }
    }

    /**
     * The entries certainly not stored, among those to add to: known only from the embedded store's index when
     * this process is its sole writer; otherwise none (every addition is an atomic upsert).
     */
    private Set<String> absentEntries(MongoCollection<Document> coll, Set<String> keys) {
        if (!soleWriter || !reads.exact() || keys.isEmpty()) {
            return Set.of();
        }
        Set<String> absent = new HashSet<>(keys);
        reads.stored(coll, keys).forEach(absent::remove);
        return absent;
    }

    @Override
    public void cleared(ChangeBatch batch, String source, String model) {
        if (INDEXED.containsKey(model)) {
            db.getCollection(COLLECTION).deleteMany(Filters.regex("_id", "^" + Pattern.quote(source + "|" + model + "|")));
        }
    }

    /** The Odoo ids of the model's documents whose many2one {@code field} held one of {@code refIds}, by referenced id. */
    Map<Long, Set<Long>> referrers(String source, String model, String field, Collection<Long> refIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        if (refIds.isEmpty()) {
            return out;
        }
        List<String> keys = new ArrayList<>(refIds.size());
        refIds.forEach(r -> keys.add(key(source, model, field, r)));
        reads.find(db.getCollection(COLLECTION), keys, null, d -> {
            String id = d.getString("_id");
            long ref = Long.parseLong(id.substring(id.lastIndexOf('|') + 1));
            Set<Long> set = out.computeIfAbsent(ref, r -> new TreeSet<>());
            for (Object o : d.getList("ids", Object.class, List.of())) {
                set.add(StockAggregations.asLong(o));
            }
        });
        return out;
    }

    /** All Odoo ids referring to any of {@code refIds}. */
    Set<Long> allReferrers(String source, String model, String field, Collection<Long> refIds) {
        Set<Long> all = new TreeSet<>();
        referrers(source, model, field, refIds).values().forEach(all::addAll);
        return all;
    }

    /**
     * The documents of the model (in its collection) referring to one of {@code refIds} through
     * {@code field}, checked against their current reference, with only the given fields (plus the
     * reference, {@code _odoo_id} and {@code _source}).
     */
    List<Document> documents(String source, String model, String collection, String field, Collection<Long> refIds,
                             List<String> fields) {
        Set<Long> ids = allReferrers(source, model, field, refIds);
        List<Document> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new HashSet<>(refIds);
        List<String> projection = new ArrayList<>(fields);
        projection.addAll(List.of(field, "_odoo_id", "_source"));
        List<String> keys = DocumentMapper.keys(source, ids);
        reads.find(db.getCollection(collection), keys, projection, d -> {
            Long ref = StockAggregations.refId(d, field);
            if (ref != null && wanted.contains(ref)) {
                out.add(d);
            }
        });
        return out;
    }

    /**
     * Indexes every stored document of the indexed models once, when the index is empty but they are not (older
     * stores): each model read through a cursor in batches with only the referencing fields (one reply holding every
     * move of a large store would exceed the maximum message length), its entries gathered in memory and each written
     * once (adding to the same entries batch after batch rewrites a location's entry, which lists every move, per batch).
     */
    void buildIfMissing(Names names) {
        if (db.getCollection(COLLECTION).find().limit(1).first() != null) {
            return;
        }
        for (Map.Entry<String, List<String>> e : INDEXED.entrySet()) {
            List<String> projection = new ArrayList<>(e.getValue());
            projection.addAll(List.of("_odoo_id", "_source"));
            Map<String, List<Long>> entries = new TreeMap<>();
            for (Document d : db.getCollection(names.of(e.getKey())).find().projection(Projections.include(projection))
                    .batchSize(BUILD_BATCH)) {
                long id = StockAggregations.asLong(d.get("_odoo_id"));
                for (String field : e.getValue()) {
                    Long ref = StockAggregations.refId(d, field);
                    if (ref != null) {
                        entries.computeIfAbsent(key(d.getString("_source"), e.getKey(), field, ref), k -> new ArrayList<>())
                                .add(id);
                    }
                }
            }
            List<Document> batch = new ArrayList<>();
            for (Map.Entry<String, List<Long>> entry : entries.entrySet()) {
                batch.add(new Document("_id", entry.getKey()).append("ids", new ArrayList<>(new TreeSet<>(entry.getValue()))));
                if (batch.size() == BUILD_BATCH) {
                    insertEntries(batch);
                }
            }
            insertEntries(batch);
        }
    }

    /**
     * Inserts new entries (plain inserts: adding a location's hundreds of thousands of ids to a set one by one is
     * quadratic in the store); an entry another process stored meanwhile gets the ids added to it instead.
     */
    private void insertEntries(List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        MongoCollection<Document> coll = db.getCollection(COLLECTION);
        try {
            coll.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<WriteModel<Document>> ops = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document entry = batch.get(error.getIndex());
                ops.add(new UpdateOneModel<>(Filters.eq("_id", entry.get("_id")),
                        Updates.addEachToSet("ids", entry.getList("ids", Long.class)), new UpdateOptions().upsert(true)));
            }
            coll.bulkWrite(ops, new BulkWriteOptions().ordered(false));
        }
        batch.clear();
    }

    private static Map<Long, Document> byOdooId(List<Document> docs) {
        Map<Long, Document> map = new HashMap<>();
        for (Document d : docs) {
            map.put(StockAggregations.asLong(d.get("_odoo_id")), d);
        }
        return map;
    }
}
