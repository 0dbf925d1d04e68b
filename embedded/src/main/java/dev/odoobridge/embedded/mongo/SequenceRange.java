package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query asks of a {@link SequenceIndex}: one string value per prefix field and the inclusive range of the
 * integer last field ({@code Long.MIN_VALUE} / {@code Long.MAX_VALUE} when unbounded), or the string the textual
 * last field equals ({@code text}; null when the query does not say; {@link #CONFLICT}, the very instance, when it asks two). Conditions
 * are read from the top level and from {@code $and}; every other condition is left to the collection's matcher (the
 * range is then wider than the query, never narrower). Prefix conditions other than equality to a string, and
 * bounds of the last field of another type, are left out the same way.
 */
record SequenceRange(String[] prefix, long lowest, long highest, String text) {
    /** The {@code text} of a query asking the last field to equal two different strings: it matches nothing. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String CONFLICT = new String("conflicting equalities"); // compared by identity
    private static final Set<String> BOUNDS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte");

    /** As {@link #of(Document, String[], String, boolean)} for the change sequence {@code _seq}. */
    static SequenceRange of(Document query, String[] prefixFields) {
        return of(query, prefixFields, SequenceIndex.SEQUENCE, false);
    }

    /**
     * The range of the query on {@code lastField} (integer, or string when {@code textual}), or null when it does
     * not give every prefix field a string by equality (or two different ones).
     */
    static SequenceRange of(Document query, String[] prefixFields, String lastField, boolean textual) {
        Collector c = new Collector(prefixFields, lastField, textual);
        if (!c.read(query)) {
            return null;
        }
        for (String v : c.prefix) {
            if (v == null) {
                return null;
            }
        }
        return new SequenceRange(c.prefix, c.lowest, c.highest, c.text);
    }

    /**
     * Whether the range says all the query asks: every condition (at the top level or in {@code $and}) is a string
     * equality on a prefix field or an integer bound or equality ({@code $eq $gt $gte $lt $lte}) on the last field.
     * Then the index's entries in the range are exactly the matching documents, while the index keeps no document
     * aside (an irregular one, whose fields MongoDB's comparison rules might still match).
     */
    static boolean covers(Document query, String[] prefixFields, String lastField) {
        return covers(query, prefixFields, lastField, false);
    }

    /**
     * As {@link #covers(Document, String[], String)}, for a textual last field when {@code textual}: its conditions
     * are then string equalities too.
     */
    static boolean covers(Document query, String[] prefixFields, String lastField, boolean textual) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if ("$and".equals(key)) {
                if (!(value instanceof List<?> parts) || parts.isEmpty()) {
                    return false;
                }
                for (Object part : parts) {
                    if (!(part instanceof Document d) || !covers(d, prefixFields, lastField, textual)) {
                        return false;
                    }
                }
            } else if (lastField.equals(key)) {
                if (textual ? !isString(value) : !Collector.isInteger(value) && !isIntegerBounds(value)) {
                    return false;
                }
            } else if (Arrays.asList(prefixFields).contains(key)) {
                if (!isString(value)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** A string, or {@code {$eq: string}}. */
    private static boolean isString(Object value) {
        Object v = value instanceof Document d && d.size() == 1 && d.containsKey("$eq") ? d.get("$eq") : value;
        return v instanceof String;
    }

    private static boolean isIntegerBounds(Object value) {
        if (!(value instanceof Document d) || d.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> op : d.entrySet()) {
            if (!BOUNDS.contains(op.getKey()) || !Collector.isInteger(op.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the query bounds {@code _seq} at all. */
    boolean bounded() {
        return lowest != Long.MIN_VALUE || highest != Long.MAX_VALUE;
    }

    private static final class Collector {
        final String[] fields;
        final String[] prefix;
        final String lastField;
        final boolean textual;
        long lowest = Long.MIN_VALUE;
        long highest = Long.MAX_VALUE;
        String text;

        Collector(String[] fields, String lastField, boolean textual) {
            this.fields = fields;
            this.prefix = new String[fields.length];
            this.lastField = lastField;
            this.textual = textual;
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
                } else if (lastField.equals(key)) {
                    if (textual) {
                        readText(value);
                    } else {
                        readSequence(value);
                    }
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

        private void readText(Object value) {
            Object v = value;
            if (value instanceof Document d && d.size() == 1 && d.containsKey("$eq")) {
                v = d.get("$eq");
            }
            if (v instanceof String s) {
                text = text == null || text != CONFLICT && text.equals(s) ? s : CONFLICT;
            }
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
