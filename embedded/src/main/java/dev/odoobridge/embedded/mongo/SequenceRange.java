package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;

/**
 * What a query asks of a {@link SequenceIndex}: one string value per prefix field and the inclusive range of
 * {@code _seq} ({@code Long.MIN_VALUE} / {@code Long.MAX_VALUE} when unbounded). Conditions are read from the top
 * level and from {@code $and}; every other condition is left to the collection's matcher (the range is then wider
 * than the query, never narrower). Prefix conditions other than equality to a string, and {@code _seq} bounds other
 * than integers, are left out the same way.
 */
record SequenceRange(String[] prefix, long lowest, long highest) {
    /**
     * The range of the query, or null when it does not give every prefix field a string by equality (or two
     * different ones).
     */
    static SequenceRange of(Document query, String[] prefixFields) {
        Collector c = new Collector(prefixFields);
        if (!c.read(query)) {
            return null;
        }
        for (String v : c.prefix) {
            if (v == null) {
                return null;
            }
        }
        return new SequenceRange(c.prefix, c.lowest, c.highest);
    }

    /** Whether the query bounds {@code _seq} at all. */
    boolean bounded() {
        return lowest != Long.MIN_VALUE || highest != Long.MAX_VALUE;
    }

    private static final class Collector {
        final String[] fields;
        final String[] prefix;
        long lowest = Long.MIN_VALUE;
        long highest = Long.MAX_VALUE;

        Collector(String[] fields) {
            this.fields = fields;
            this.prefix = new String[fields.length];
        }

        /** False when the query cannot be read (conflicting equalities on a prefix field). */
        boolean read(Document query) {
            for (Map.Entry<String, Object> e : query.entrySet()) {
                String key = e.getKey();
                Object value = e.getValue();
                if ("$and".equals(key)) {
                    if (value instanceof Iterable<?> parts) {
                        for (Object part : parts) {
                            if (part instanceof Document d && !read(d)) {
                                return false;
                            }
                        }
                    }
                } else if (SequenceIndex.SEQUENCE.equals(key)) {
                    readSequence(value);
                } else {
                    for (int i = 0; i < fields.length; i++) {
                        if (fields[i].equals(key) && !readPrefix(i, value)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        private boolean readPrefix(int i, Object value) {
            Object v = value;
            if (value instanceof Document d && d.size() == 1 && d.containsKey("$eq")) {
                v = d.get("$eq");
            }
            if (!(v instanceof String s)) {
                return true; // another condition: the matcher checks it
            }
            if (prefix[i] != null && !prefix[i].equals(s)) {
                return false;
            }
            prefix[i] = s;
            return true;
        }

        private void readSequence(Object value) {
            if (!(value instanceof Document d)) {
                if (isInteger(value)) {
                    atLeast(((Number) value).longValue());
                    atMost(((Number) value).longValue());
                }
                return;
            }
            for (Map.Entry<String, Object> op : d.entrySet()) {
                if (!isInteger(op.getValue())) {
                    continue;
                }
                long n = ((Number) op.getValue()).longValue();
                switch (op.getKey()) {
                    case "$eq" -> {
                        atLeast(n);
                        atMost(n);
                    }
                    case "$gt" -> {
                        if (n == Long.MAX_VALUE) {
                            lowest = Long.MAX_VALUE;
                            highest = Long.MIN_VALUE;
                        } else {
                            atLeast(n + 1);
                        }
                    }
                    case "$gte" -> atLeast(n);
                    case "$lt" -> {
                        if (n == Long.MIN_VALUE) {
                            lowest = Long.MAX_VALUE;
                            highest = Long.MIN_VALUE;
                        } else {
                            atMost(n - 1);
                        }
                    }
                    case "$lte" -> atMost(n);
                    default -> {
                        // another condition: the matcher checks it
                    }
                }
            }
        }

        private void atLeast(long n) {
            lowest = Math.max(lowest, n);
        }

        private void atMost(long n) {
            highest = Math.min(highest, n);
        }

        private static boolean isInteger(Object v) {
            return v instanceof Long || v instanceof Integer;
        }
    }
}
