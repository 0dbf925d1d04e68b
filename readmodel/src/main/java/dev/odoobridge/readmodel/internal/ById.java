package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Reads (and deletes) documents by {@code _id} with {@code _id $in} queries of at most {@value #CHUNK} keys. The
 * filter has {@code _id} as its only key, so every store serves it from the primary index; the chunk
 * bounds the embedded server's cost of re-checking each found document against the whole key list
 * (quadratic in the list length), which made a single 500-key query several times slower.
 */
final class ById {
    static final int CHUNK = 50;

    private ById() {
    }

    /** Deletes the documents with these ids; returns how many were deleted. */
    static long delete(MongoCollection<Document> coll, List<String> ids) {
        long deleted = 0;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            deleted += coll.deleteMany(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + CHUNK)))).getDeletedCount();
        }
        return deleted;
    }

    /** Passes each stored document with one of the ids to the sink; {@code fields} null for whole documents. */
    static void find(MongoCollection<Document> coll, Collection<String> ids, List<String> fields, Consumer<Document> sink) {
        List<String> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += CHUNK) {
            var query = coll.find(Filters.in("_id", list.subList(i, Math.min(list.size(), i + CHUNK))));
            if (fields != null) {
                query = query.projection(Projections.include(fields));
            }
            for (Document d : query) {
                sink.accept(d);
            }
        }
    }
}
