package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Writes derived documents keyed by {@code _id} against what is stored: writes those that are absent
 * or differ (every filter is {@code _id} alone) with a new change sequence, leaves equal ones alone (sequence
 * included) and deletes the unwanted, leaving tombstones.
 * Chunked {@code _id $in} reads and at most one unordered bulk per batch. When this process is the
 * database's sole writer (the embedded server; view maintenance is serialized by the projector)
 * absent documents are inserted, which the embedded server does several times faster than upserts;
 * otherwise they are upserted, so that a concurrent writer cannot make the write fail.
 */
final class KeyedWrites {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final boolean soleWriter;
    private final KeyReads reads;
    private final InProcessWrites direct;
    private final Tombstones tombstones;

    /**
     * @param direct the embedded store's in-process writes: with a sole writer, they take the inserts and the
     *               replacements of stored documents when the store offers them
     */
    KeyedWrites(boolean soleWriter, KeyReads reads, InProcessWrites direct, Tombstones tombstones) {
        this.tombstones = tombstones;
        this.soleWriter = soleWriter;
        this.reads = reads;
        this.direct = direct;
    }

    /** The stored documents with these ids, by id. */
    Map<String, Document> stored(MongoCollection<Document> coll, Collection<String> ids) {
        Map<String, Document> out = new HashMap<>();
        reads.find(coll, ids, null, d -> out.put(d.getString("_id"), d));
        return out;
    }

    /**
     * Makes the collection hold {@code wanted} for its keys: a null value deletes (leaving a tombstone). {@code volatileField}
     * (a timestamp, or null) is ignored when deciding whether a stored document is unchanged; a document written
     * (inserted or changed) gets the next sequence of the batch, an unchanged one is left alone with its own.
     */
    void write(ChangeBatch batch, MongoCollection<Document> coll, Map<String, Document> wanted, String volatileField) {
        write(batch, coll, wanted, stored(coll, wanted.keySet()), volatileField);
    }

    /** As {@link #write(ChangeBatch, MongoCollection, Map, String)} with the stored documents already read. */
    void write(ChangeBatch batch, MongoCollection<Document> coll, Map<String, Document> wanted, Map<String, Document> stored,
               String volatileField) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        // in process, with a sole writer whose view maintenance is serialized: a stored document stays stored until
        // it is replaced, so replacing without upsert writes what the upsert would
        boolean inProcess = soleWriter && direct.available();
        List<Document> inserts = new ArrayList<>();
        List<Document> replacements = new ArrayList<>();
        List<Document> deleted = new ArrayList<>();
        batch.expect(wanted.size());
        wanted.forEach((id, doc) -> {
            Document old = stored.get(id);
            if (doc == null) {
                if (old != null) {
                    deleted.add(old);
                    writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
                }
            } else if (old == null) {
                doc.put(ChangeLog.SEQUENCE_FIELD, batch.next());
                if (inProcess) {
                    inserts.add(doc);
                } else {
                    writes.add(soleWriter ? new InsertOneModel<>(doc) : new ReplaceOneModel<>(Filters.eq("_id", id), doc, UPSERT));
                }
            } else if (!sameIgnoring(old, doc, volatileField)) {
                doc.put(ChangeLog.SEQUENCE_FIELD, batch.next());
                if (inProcess) {
                    replacements.add(doc);
                } else {
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, UPSERT));
                }
            }
        });
        String name = coll.getNamespace().getCollectionName();
        tombstones.record(batch, name, deleted); // before the deletes: see Tombstones
        batch.checkLease();
        if (inProcess) {
            direct.insertAbsent(coll, inserts);
            direct.replace(coll, replacements);
        }
        if (!writes.isEmpty()) {
            coll.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        List<Object> created = new ArrayList<>();
        wanted.forEach((id, doc) -> {
            if (doc != null && !stored.containsKey(id)) {
                created.add(id);
            }
        });
        tombstones.clear(name, created);
    }

    /** Whether the stored document {@code a} holds what {@code b} would write, ignoring {@code field} and the sequence. */
    private static boolean sameIgnoring(Document a, Document b, String field) {
        int compared = 0;
        for (Map.Entry<String, Object> e : b.entrySet()) {
            String key = e.getKey();
            if (key.equals(field) || key.equals(ChangeLog.SEQUENCE_FIELD)) {
                continue;
            }
            if (!a.containsKey(key) || !Objects.equals(a.get(key), e.getValue())) {
                return false;
            }
            compared++;
        }
        int stored = a.size() - (a.containsKey(field) ? 1 : 0) - (a.containsKey(ChangeLog.SEQUENCE_FIELD) ? 1 : 0);
        return stored == compared;
    }
}
