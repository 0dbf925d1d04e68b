package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A stored document's entries in order, as the server's BSON encoder reads a map: it walks the key set and asks
 * {@code get(key)} for each key in turn. Here that answers the entry just walked to, where the document would hash
 * the key (a document freshly read from the file has never hashed its keys, and that was most of the encoding).
 * Embedded documents, also inside arrays, are viewed the same way. Read-only, for one encoding.
 */
final class EncodingView extends AbstractMap<String, Object> {
    private final String[] keys;
    private final Object[] values;
    private int current = -1;

    private EncodingView(Document document) {
        int n = document.size();
        keys = new String[n];
        values = new Object[n];
        int i = 0;
        for (Map.Entry<String, Object> e : document.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = view(e.getValue());
        }
    }

    /** The document's view for the encoder. */
    static Map<String, Object> of(Document document) {
        return new EncodingView(document);
    }

    private static Object view(Object value) {
        if (value instanceof Document d) {
            return new EncodingView(d);
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document || o instanceof List) {
                    List<Object> out = new ArrayList<>(list.size());
                    for (Object e : list) {
                        out.add(view(e));
                    }
                    return out;
                }
            }
        }
        return value;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Object get(Object key) {
        if (current >= 0 && current < keys.length && keys[current] == key) {
            return values[current];
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                current = -1;
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return current + 1 < keys.length;
                    }

                    @Override
                    public String next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return keys[++current];
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int at = i++;
                        return new SimpleImmutableEntry<>(keys[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
