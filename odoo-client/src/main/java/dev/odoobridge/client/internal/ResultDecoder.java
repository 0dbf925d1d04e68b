package dev.odoobridge.client.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.value.Ref;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks the shape of decoded results; a wrong shape is a {@link OdooTransportException.Kind#MALFORMED_RESPONSE}
 * that says what was expected and what came, never a ClassCastException.
 */
final class ResultDecoder {
    private static final int PREVIEW = 60;

    private ResultDecoder() {
    }

    static List<Object> list(Object raw) {
        if (raw instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> out = (List<Object>) l;
            return out;
        }
        if (raw instanceof Object[] a) {
            return Arrays.asList(a);
        }
        throw malformed("a list", raw);
    }

    static Map<String, Object> map(Object raw) {
        if (raw instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                if (!(key instanceof String)) {
                    throw malformed("a struct with text keys", raw);
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) m;
            return out;
        }
        throw malformed("a struct", raw);
    }

    static Number number(Object raw) {
        if (raw instanceof Number n) {
            return n;
        }
        throw malformed("a number", raw);
    }

    static boolean truth(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        throw malformed("a boolean", raw);
    }

    /** A record id: a whole positive number. */
    static long id(Object raw) {
        if ((raw instanceof Integer || raw instanceof Long) && ((Number) raw).longValue() > 0) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Double d && d > 0 && d == Math.rint(d) && d < 0x1p53) {
            return d.longValue();
        }
        throw malformed("a record id (a whole number > 0)", raw);
    }

    static List<Long> ids(Object raw) {
        if (raw instanceof Number) { // create of a single dict returns a bare id
            return List.of(id(raw));
        }
        List<Object> l = list(raw);
        List<Long> ids = new ArrayList<>(l.size());
        for (Object o : l) {
            ids.add(id(o));
        }
        return ids;
    }

    static List<OdooRecord> records(Object raw) {
        List<Object> l = list(raw);
        List<OdooRecord> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(OdooRecord.of(map(o)));
        }
        return out;
    }

    /** name_search pairs {@code [[id, "display name"], ...]}. */
    static List<Ref> refs(Object raw) {
        List<Object> pairs = list(raw);
        List<Ref> out = new ArrayList<>(pairs.size());
        for (Object pair : pairs) {
            if (!(pair instanceof List<?> p) || p.size() != 2 || !(p.get(1) instanceof String name)) {
                throw malformed("an [id, \"name\"] pair", pair);
            }
            out.add(new Ref(id(p.get(0)), name));
        }
        return List.copyOf(out);
    }

    private static OdooTransportException malformed(String expected, Object raw) {
        String type = raw == null ? "null" : raw.getClass().getSimpleName();
        String shown = String.valueOf(raw);
        if (shown.length() > PREVIEW) {
            shown = shown.substring(0, PREVIEW) + "...";
        }
        return new OdooTransportException(OdooTransportException.Kind.MALFORMED_RESPONSE, 0,
                "expected " + expected + " from Odoo but got " + type + " (" + shown
                        + "); check that the url points at an Odoo server and the method returns what is expected", null);
    }
}
