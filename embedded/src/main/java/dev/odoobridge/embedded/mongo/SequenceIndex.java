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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An ordered, non-unique index of the read model's keys: ascending string fields (the prefix, such as
 * {@code _source}, or {@code coll} and {@code _source}) followed by one last field, held in memory in key order and
 * rebuilt from the documents when the store opens. The last field is an integer one (the change sequence
 * {@code _seq}, the Odoo id {@code _odoo_id}, the stock views' {@code product_id}) or a string one
 * ({@code barcode}).
 *
 * <p>With an integer last field, it gives the positions in that field's order for queries with equality on every
 * prefix field ({@link #ordered}; the collections use it for queries sorted by that field, so a limited one reads
 * {@code log n + k} entries instead of the whole collection, see {@link SequencedCollections}), and answers
 * mongo-java-server's index lookup ({@link #canHandle}) for those that also bound the field. With a string last
 * field, it answers lookups giving every field a string by equality.
 *
 * <p>A document whose prefix fields are not all strings or whose last field is not of the index's type is kept
 * aside by its {@code _id}; while there is any, the index declines every query (they scan, as without the index), so
 * an answer never misses a document that MongoDB's comparison rules would match. Only for a string last field, a
 * document without that field (or with a number, date or sub-document there) is held apart without blocking: an
 * equality to a string never matches it. Entries are keyed by (prefix, last value, {@code _id}), so documents
 * sharing a value are all kept. The answer is a superset of the matches on the indexed fields only; the collection
 * checks every document against the whole query.
 *
 * @param <P> the backend's position of a document
 */
final class SequenceIndex<P> extends Index<P> {
    /** The change sequence's field. */
    static final String SEQUENCE = "_seq";
    /** Integer fields an index may end with. */
    static final Set<String> INTEGER_FIELDS = Set.of(SEQUENCE, "_odoo_id", "product_id");
    /** String fields an index may end with. */
    static final Set<String> STRING_FIELDS = Set.of("barcode");
    private static final Comparator<Object> IDS = ValueComparator.asc();
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();

    private final String[] prefixFields;
    private final String lastField;
    private final boolean textual;
    private final ConcurrentSkipListMap<Key, P> entries = new ConcurrentSkipListMap<>();
    private final Map<KeyValue, P> irregular = new ConcurrentHashMap<>();
    /** Documents a string equality on the last field can never match (textual indexes only). */
    private final Map<KeyValue, P> outside = new ConcurrentHashMap<>();
    /** One array per distinct prefix (there are a few sources), shared by all entries. */
    private final Map<List<String>, String[]> prefixes = new ConcurrentHashMap<>();

    private SequenceIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.prefixFields = keys.subList(0, keys.size() - 1).stream().map(IndexKey::getKey).toArray(String[]::new);
        this.lastField = keys.get(keys.size() - 1).getKey();
        this.textual = STRING_FIELDS.contains(lastField);
    }

    /**
     * Whether the keys are ascending plain fields ending with one of {@link #INTEGER_FIELDS} or
     * {@link #STRING_FIELDS} (and at least one before it).
     */
    static boolean fits(List<IndexKey> keys) {
        if (keys.size() < 2) {
            return false;
        }
        String last = keys.get(keys.size() - 1).getKey();
        if (!INTEGER_FIELDS.contains(last) && !STRING_FIELDS.contains(last)) {
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
            throw new IllegalArgumentException("not an ordered key index: " + keys);
        }
        return new SequenceIndex<>(name, keys);
    }

    /** The field the index ends with. */
    String lastField() {
        return lastField;
    }

    @Override
    public P getPosition(Document document) {
        Key key = keyOf(document);
        if (key == null) {
            return (isOutside(document) ? outside : irregular).get(idOf(document));
        }
        return entries.get(key);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: every document fits
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        Key key = keyOf(document);
        if (key == null) {
            (isOutside(document) ? outside : irregular).put(idOf(document), position);
        } else {
            entries.put(key, position);
        }
    }

    @Override
    public P remove(Document document) {
        Key key = keyOf(document);
        if (key == null) {
            return (isOutside(document) ? outside : irregular).remove(idOf(document));
        }
        return entries.remove(key);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: every document fits
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        Key before = keyOf(oldDocument);
        Key after = keyOf(newDocument);
        if (before != null && before.equals(after) || before == null && after == null
                && isOutside(oldDocument) && isOutside(newDocument)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /**
     * Answers queries that bound the integer last field, or give the string last field by equality (a query on the
     * prefix alone, such as the projector's lookups by {@code _source} and another field, scans as before: reading a
     * whole source by position costs more than a scan).
     */
    @Override
    public boolean canHandle(Document query) {
        SequenceRange range = irregular.isEmpty() ? SequenceRange.of(query, prefixFields, lastField, textual) : null;
        return range != null && (textual ? range.text() != null : range.bounded());
    }

    /**
     * Whether {@link #ordered} gives exactly the documents matching the query, not a superset: {@link #canOrder},
     * and every condition of the query is one the index reads whole ({@link SequenceRange#covers}).
     */
    boolean covers(Document query) {
        return canOrder(query) && SequenceRange.covers(query, prefixFields, lastField);
    }

    /**
     * For a textual index: whether {@link #getPositions} gives exactly the documents matching the query, which gives
     * every prefix field and the last field one string each, and nothing else (documents held apart never match it).
     */
    boolean coversText(Document query) {
        if (!textual || !irregular.isEmpty() || !SequenceRange.covers(query, prefixFields, lastField, true)) {
            return false;
        }
        SequenceRange range = SequenceRange.of(query, prefixFields, lastField, true);
        return range != null && range.text() != null;
    }

    /** Whether {@link #covers} holds and the query gives the last field one value (at most a few documents). */
    boolean coversOneValue(Document query) {
        if (!covers(query)) {
            return false;
        }
        SequenceRange range = SequenceRange.of(query, prefixFields, lastField, false);
        return range != null && range.lowest() == range.highest();
    }

    /** Whether {@link #ordered} can answer the query: an integer index, and every prefix field given by equality. */
    boolean canOrder(Document query) {
        return !textual && irregular.isEmpty() && SequenceRange.of(query, prefixFields, lastField, false) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (!textual) {
            return ordered(query, true);
        }
        SequenceRange range = SequenceRange.of(query, prefixFields, lastField, true);
        if (range == null || range.text() == null || !irregular.isEmpty()) {
            throw new IllegalArgumentException("the index " + getName() + " cannot answer " + query);
        }
        if (range.text() == SequenceRange.CONFLICT) {
            return List.of();
        }
        return entries.subMap(new Key(range.prefix(), range.text(), LOWEST), true,
                new Key(range.prefix(), range.text(), HIGHEST), true).values();
    }

    /**
     * The positions of the documents that may match the query, in ascending or descending {@code _seq} order;
     * read lazily from the index (a caller that stops after {@code k} reads {@code k} entries).
     *
     * @throws IllegalArgumentException when {@link #canOrder} is false for the query
     */
    Iterable<P> ordered(Document query, boolean ascending) {
        SequenceRange range = textual ? null : SequenceRange.of(query, prefixFields, lastField, false);
        if (range == null || !irregular.isEmpty()) {
            throw new IllegalArgumentException("the index " + getName() + " cannot answer " + query);
        }
        if (range.lowest() > range.highest()) {
            return List.of();
        }
        String[] prefix = range.prefix();
        ConcurrentNavigableMap<Key, P> slice = entries.subMap(new Key(prefix, (Object) range.lowest(), LOWEST), true,
                new Key(prefix, (Object) range.highest(), HIGHEST), true);
        NavigableMap<Key, P> inOrder = ascending ? slice : slice.descendingMap();
        return inOrder.values();
    }

    @Override
    public long getCount() {
        return entries.size() + (long) irregular.size() + outside.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty() && irregular.isEmpty() && outside.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
        irregular.clear();
        outside.clear();
    }

    /** The key of a document, or null when a prefix field is not a string or the last field not of the index's type. */
    private Key keyOf(Document document) {
        Object last = document.get(lastField);
        Object value;
        if (textual) {
            if (!(last instanceof String)) {
                return null;
            }
            value = last;
        } else {
            if (!(last instanceof Long || last instanceof Integer)) {
                return null;
            }
            value = ((Number) last).longValue();
        }
        String[] values = new String[prefixFields.length];
        for (int i = 0; i < prefixFields.length; i++) {
            if (!(document.get(prefixFields[i]) instanceof String s)) {
                return null;
            }
            values[i] = s;
        }
        String[] shared = prefixes.computeIfAbsent(List.of(values), v -> values);
        return new Key(shared, value, document.get("_id"));
    }

    /**
     * Whether a document without a key can never match a query this index answers: a textual index's document whose
     * prefix fields are strings and whose last field is absent or a scalar other than a string (no array, which may
     * hold the string).
     */
    private boolean isOutside(Document document) {
        if (!textual) {
            return false;
        }
        for (String f : prefixFields) {
            if (!(document.get(f) instanceof String)) {
                return false;
            }
        }
        Object last = document.get(lastField);
        return !(last instanceof String) && !(last instanceof java.util.Collection<?>) && !(last instanceof Object[]);
    }

    private static KeyValue idOf(Document document) {
        return new KeyValue(document.get("_id")).normalized();
    }

    /**
     * An entry's key: the prefix values, the last field's value (a {@code Long} or a {@code String}, one type per
     * index), and the {@code _id} (or a bound below / above all).
     */
    private record Key(String[] prefix, Object value, Object id) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            for (int i = 0; i < prefix.length; i++) {
                int c = prefix[i].compareTo(other.prefix[i]);
                if (c != 0) {
                    return c;
                }
            }
            int c = value instanceof Long a && other.value instanceof Long b ? Long.compare(a, b)
                    : ((String) value).compareTo((String) other.value);
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
            return Arrays.hashCode(prefix) * 31 + value.hashCode();
        }
    }
}
