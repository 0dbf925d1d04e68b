package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An ordered, non-unique index of the read model's change sequence: ascending string fields (the prefix, such as
 * {@code _source}, or {@code coll} and {@code _source}) followed by {@code _seq}, held in memory in key order and
 * rebuilt from the documents when the store opens. It gives the positions in {@code _seq} order for queries with
 * equality on every prefix field ({@link #ordered}; the collections use it for queries sorted by {@code _seq}, so a
 * limited one reads {@code log n + k} entries instead of the whole collection, see {@link SequencedCollections}),
 * and answers mongo-java-server's index lookup ({@link #canHandle}) for those that also bound {@code _seq}.
 *
 * <p>A document whose prefix fields are not all strings or whose {@code _seq} is not an integer is kept aside by
 * its {@code _id}; while there is any, the index declines every query (they scan, as without the index), so an
 * answer never misses a document that MongoDB's comparison rules would match. Entries are keyed by
 * (prefix, sequence, {@code _id}), so documents sharing a sequence are all kept. The answer is a superset of the
 * matches on the indexed fields only; the collection checks every document against the whole query.
 *
 * @param <P> the backend's position of a document
 */
final class SequenceIndex<P> extends Index<P> {
    /** The field every such index ends with. */
    static final String SEQUENCE = "_seq";
    private static final Comparator<Object> IDS = ValueComparator.asc();
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();

    private final String[] prefixFields;
    private final ConcurrentSkipListMap<Key, P> entries = new ConcurrentSkipListMap<>();
    private final Map<KeyValue, P> irregular = new ConcurrentHashMap<>();
    /** One array per distinct prefix (there are a few sources), shared by all entries. */
    private final Map<List<String>, String[]> prefixes = new ConcurrentHashMap<>();

    private SequenceIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.prefixFields = keys.subList(0, keys.size() - 1).stream().map(IndexKey::getKey).toArray(String[]::new);
    }

    /** Whether the keys are ascending fields ending with {@code _seq} (and at least one before it). */
    static boolean fits(List<IndexKey> keys) {
        if (keys.size() < 2 || !SEQUENCE.equals(keys.get(keys.size() - 1).getKey())) {
            return false;
        }
        for (IndexKey k : keys) {
            if (!k.isAscending() || k.getKey().contains(".") || k.getKey().startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    static <P> SequenceIndex<P> of(String name, List<IndexKey> keys) {
        if (!fits(keys)) {
            throw new IllegalArgumentException("not a sequence index: " + keys);
        }
        return new SequenceIndex<>(name, keys);
    }

    @Override
    public P getPosition(Document document) {
        Key key = keyOf(document);
        return key == null ? irregular.get(idOf(document)) : entries.get(key);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: every document fits
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        Key key = keyOf(document);
        if (key == null) {
            irregular.put(idOf(document), position);
        } else {
            entries.put(key, position);
        }
    }

    @Override
    public P remove(Document document) {
        Key key = keyOf(document);
        return key == null ? irregular.remove(idOf(document)) : entries.remove(key);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: every document fits
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        Key before = keyOf(oldDocument);
        Key after = keyOf(newDocument);
        if (before != null && before.equals(after)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /**
     * Answers queries that bound {@code _seq} (a query on the prefix alone, such as the projector's lookups by
     * {@code _source} and another field, scans as before: reading a whole source by position costs more than a scan).
     */
    @Override
    public boolean canHandle(Document query) {
        SequenceRange range = irregular.isEmpty() ? SequenceRange.of(query, prefixFields) : null;
        return range != null && range.bounded();
    }

    /** Whether {@link #ordered} can answer the query: it gives every prefix field by equality. */
    boolean canOrder(Document query) {
        return irregular.isEmpty() && SequenceRange.of(query, prefixFields) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return ordered(query, true);
    }

    /**
     * The positions of the documents that may match the query, in ascending or descending {@code _seq} order;
     * read lazily from the index (a caller that stops after {@code k} reads {@code k} entries).
     *
     * @throws IllegalArgumentException when {@link #canOrder} is false for the query
     */
    Iterable<P> ordered(Document query, boolean ascending) {
        SequenceRange range = SequenceRange.of(query, prefixFields);
        if (range == null || !irregular.isEmpty()) {
            throw new IllegalArgumentException("the index " + getName() + " cannot answer " + query);
        }
        if (range.lowest() > range.highest()) {
            return List.of();
        }
        String[] prefix = range.prefix();
        ConcurrentNavigableMap<Key, P> slice = entries.subMap(new Key(prefix, range.lowest(), LOWEST), true,
                new Key(prefix, range.highest(), HIGHEST), true);
        NavigableMap<Key, P> inOrder = ascending ? slice : slice.descendingMap();
        return inOrder.values();
    }

    @Override
    public long getCount() {
        return entries.size() + (long) irregular.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty() && irregular.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
        irregular.clear();
    }

    /** The key of a document, or null when a prefix field is not a string or {@code _seq} not an integer. */
    private Key keyOf(Document document) {
        Object seq = document.get(SEQUENCE);
        if (!(seq instanceof Long || seq instanceof Integer)) {
            return null;
        }
        String[] values = new String[prefixFields.length];
        for (int i = 0; i < prefixFields.length; i++) {
            if (!(document.get(prefixFields[i]) instanceof String s)) {
                return null;
            }
            values[i] = s;
        }
        String[] shared = prefixes.computeIfAbsent(List.of(values), v -> values);
        return new Key(shared, ((Number) seq).longValue(), document.get("_id"));
    }

    private static KeyValue idOf(Document document) {
        return new KeyValue(document.get("_id")).normalized();
    }

    /** An entry's key: the prefix values, the sequence, and the {@code _id} (or a bound below / above all). */
    private record Key(String[] prefix, long seq, Object id) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            for (int i = 0; i < prefix.length; i++) {
                int c = prefix[i].compareTo(other.prefix[i]);
                if (c != 0) {
                    return c;
                }
            }
            int c = Long.compare(seq, other.seq);
            return c != 0 ? c : compareIds(id, other.id);
        }

        private static int compareIds(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a == LOWEST || b == HIGHEST) {
                return -1;
            }
            if (a == HIGHEST || b == LOWEST) {
                return 1;
            }
            return IDS.compare(a, b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(prefix) * 31 + Long.hashCode(seq);
        }
    }
}
