package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The tombstones of deleted documents in {@value ChangeLog#TOMBSTONES}, one per collection and document
 * {@code _id}: {@code {_id: "<collection>|<_id>", coll, docId, _source, _seq, deletedAt}}. Written before the
 * documents are deleted and removed after a document with the id is written again, so that a delete and a
 * re-creation of one id by two writers never leave both a document and its tombstone behind.
 */
final class Tombstones {
    static final String COLLECTION = ChangeLog.TOMBSTONES;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoDatabase db;
    private final MongoChangeLog log;
    private final boolean soleWriter;
    private final KeyReads reads;
    private final InProcessWrites direct;

    Tombstones(MongoDatabase db, MongoChangeLog log, boolean soleWriter, KeyReads reads, InProcessWrites direct) {
        this.db = db;
        this.log = log;
        this.soleWriter = soleWriter;
        this.reads = reads;
        this.direct = direct;
    }

    static String key(String collection, Object docId) {
        return collection + "|" + docId;
    }

    /** Records the deletion of these documents (each with {@code _id} and {@code _source}) of the collection. */
    void record(ChangeBatch batch, String collection, Collection<Document> deleted) {
        if (deleted.isEmpty()) {
            return;
        }
        batch.expect(deleted.size());
        Date now = Date.from(log.clock().instant());
        List<Document> stones = new ArrayList<>(deleted.size());
        List<Document> inOrder = new ArrayList<>(deleted);
        inOrder.sort(java.util.Comparator.comparing(d -> String.valueOf(d.get("_id")))); // sequences in a stable order
        for (Document d : inOrder) {
            Object id = d.get("_id");
            stones.add(new Document("_id", key(collection, id)).append("coll", collection).append("docId", id)
                    .append("_source", d.get("_source")).append(ChangeLog.SEQUENCE_FIELD, batch.next())
                    .append("deletedAt", now));
        }
        batch.checkLease();
        MongoCollection<Document> coll = db.getCollection(COLLECTION);
        if (soleWriter && direct.available()) {
            Set<String> stored = new HashSet<>(reads.stored(coll, stones.stream().map(s -> s.getString("_id")).toList()));
            List<Document> replacements = new ArrayList<>();
            List<Document> inserts = new ArrayList<>();
            stones.forEach(s -> (stored.contains(s.getString("_id")) ? replacements : inserts).add(s));
            direct.replace(coll, replacements);
            direct.insertAbsent(coll, inserts);
            return;
        }
        List<WriteModel<Document>> ops = new ArrayList<>(stones.size());
        stones.forEach(s -> ops.add(new ReplaceOneModel<>(Filters.eq("_id", s.get("_id")), s, UPSERT)));
        coll.bulkWrite(ops, new BulkWriteOptions().ordered(false));
    }

    /** Removes the tombstones of these document ids of the collection (written again). */
    void clear(String collection, Collection<?> docIds) {
        if (docIds.isEmpty()) {
            return;
        }
        MongoCollection<Document> coll = db.getCollection(COLLECTION);
        List<String> keys = new ArrayList<>(docIds.size());
        docIds.forEach(id -> keys.add(key(collection, id)));
        // the embedded store answers from its index which exist (usually none): no command at all then
        List<String> present = new ArrayList<>(reads.stored(coll, keys));
        if (present.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> ops = new ArrayList<>();
        for (int i = 0; i < present.size(); i += ById.CHUNK) {
            ops.add(new DeleteManyModel<>(Filters.in("_id", present.subList(i, Math.min(present.size(), i + ById.CHUNK)))));
        }
        coll.bulkWrite(ops, new BulkWriteOptions().ordered(false));
    }
}
