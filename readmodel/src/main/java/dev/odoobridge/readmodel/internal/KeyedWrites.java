package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Writes derived documents keyed by {@code _id} against what is stored: writes those that are absent
 * or differ (every filter is {@code _id} alone), leaves equal ones alone and deletes the unwanted.
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

    /**
     * @param direct the embedded store's in-process writes: with a sole writer, they take the inserts and the
     *               replacements of stored documents when the store offers them
     */
    KeyedWrites(boolean soleWriter, KeyReads reads, InProcessWrites direct) {
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
     * Makes the collection hold {@code wanted} for its keys: a null value deletes. {@code volatileField}
     * (a timestamp, or null) is ignored when deciding whether a stored document is unchanged.
     */
    void write(MongoCollection<Document> coll, Map<String, Document> wanted, String volatileField) {
        write(coll, wanted, stored(coll, wanted.keySet()), volatileField);
    }

    /** As {@link #write(MongoCollection, Map, String)} with the stored documents already read. */
    void write(MongoCollection<Document> coll, Map<String, Document> wanted, Map<String, Document> stored,
               String volatileField) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        // in process, with a sole writer whose view maintenance is serialized: a stored document stays stored until
        // it is replaced, so replacing without upsert writes what the upsert would
        boolean inProcess = soleWriter && direct.available();
        List<Document> inserts = new ArrayList<>();
        List<Document> replacements = new ArrayList<>();
        wanted.forEach((id, doc) -> {
            Document old = stored.get(id);
            if (doc == null) {
                if (old != null) {
                    writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
                }
            } else if (old == null) {
                if (inProcess) {
                    inserts.add(doc);
                } else {
                    writes.add(soleWriter ? new InsertOneModel<>(doc) : new ReplaceOneModel<>(Filters.eq("_id", id), doc, UPSERT));
                }
            } else if (!sameIgnoring(old, doc, volatileField)) {
                if (inProcess) {
                    replacements.add(doc);
                } else {
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, UPSERT));
                }
            }
        });
        if (inProcess) {
            direct.insertAbsent(coll, inserts);
            direct.replace(coll, replacements);
        }
        if (!writes.isEmpty()) {
            coll.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static boolean sameIgnoring(Document a, Document b, String field) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : b.entrySet()) {
            if (!e.getKey().equals(field) && (!a.containsKey(e.getKey()) || !Objects.equals(a.get(e.getKey()), e.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
