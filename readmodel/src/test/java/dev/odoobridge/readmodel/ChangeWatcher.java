package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A reader of changes checking the safe sequence's promise while writers run: each {@link #check()} takes
 * {@code t = safeSequence()}, then reads every live document and tombstone with a sequence up to {@code t}; every
 * entry found with a sequence up to the previous safe value must have been found by the previous check already
 * (no change at or below a safe value appears later), safe values never go down, and no two entries share a sequence.
 */
public final class ChangeWatcher implements AutoCloseable {
    private final ChangeLog changes;
    private final MongoClient client;
    private final MongoDatabase db;
    private final List<String> collections;
    private long previousSafe;
    private Set<String> previous = Set.of();
    private int checks;
    private int entriesSeen;

    /** Reads the database {@code database} at {@code uri} (the read model's own store) through a connection of its own. */
    public ChangeWatcher(ChangeLog changes, String uri, String database, List<String> collections) {
        this.changes = changes;
        this.client = MongoClients.create(uri);
        this.db = client.getDatabase(database);
        this.collections = List.copyOf(collections);
    }

    /** For a read model on the embedded store of this process ({@link ReadModel#describe()} names its port). */
    public static ChangeWatcher of(ReadModel model, List<String> collections) {
        String described = model.describe();
        String withDb = described.substring(0, described.indexOf(' '));
        return new ChangeWatcher(model.changes(), withDb.substring(0, withDb.lastIndexOf('/')),
                withDb.substring(withDb.lastIndexOf('/') + 1), collections);
    }

    /** One safe sequence and one snapshot up to it, checked against the previous ones. */
    public void check() {
        long safe = changes.safeSequence();
        assertThat(safe).as("safe sequence after check %d", checks).isGreaterThanOrEqualTo(previousSafe);
        Map<Long, String> bySeq = new HashMap<>();
        Set<String> now = new HashSet<>();
        for (String name : collections) {
            for (Document d : db.getCollection(name).find(Filters.lte(ChangeLog.SEQUENCE_FIELD, safe))
                    .projection(Projections.include(ChangeLog.SEQUENCE_FIELD))) {
                add(name + "|" + d.get("_id"), d, bySeq, now);
            }
        }
        for (Document t : db.getCollection(ChangeLog.TOMBSTONES).find(Filters.lte(ChangeLog.SEQUENCE_FIELD, safe))) {
            add("tombstone " + t.get("_id"), t, bySeq, now);
        }
        for (String entry : now) {
            long seq = Long.parseLong(entry.substring(entry.lastIndexOf('@') + 1));
            if (seq <= previousSafe && !previous.contains(entry)) {
                throw new AssertionError("change " + entry + " appeared after the safe sequence " + previousSafe
                        + " had been answered (check " + checks + ", safe now " + safe + ")");
            }
        }
        previousSafe = safe;
        previous = now;
        entriesSeen = Math.max(entriesSeen, now.size());
        checks++;
    }

    private static void add(String key, Document d, Map<Long, String> bySeq, Set<String> into) {
        long seq = ((Number) d.get(ChangeLog.SEQUENCE_FIELD)).longValue();
        String entry = key + "@" + seq;
        String other = bySeq.put(seq, entry);
        if (other != null) {
            throw new AssertionError("sequence " + seq + " held by both " + other + " and " + entry);
        }
        into.add(entry);
    }

    /** How many checks ran. */
    public int checks() {
        return checks;
    }

    /** The most entries one snapshot held. */
    public int entriesSeen() {
        return entriesSeen;
    }

    /** The last safe sequence taken. */
    public long lastSafe() {
        return previousSafe;
    }

    @Override
    public void close() {
        client.close();
    }
}
