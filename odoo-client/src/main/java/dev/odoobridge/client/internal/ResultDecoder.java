package dev.odoobridge.client.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.error.OdooTransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the shape of decoded results; a wrong shape is a malformed response, never a ClassCastException. */
final class ResultDecoder {
    private ResultDecoder() {
    }

    static List<Object> list(Object raw) {
        if (raw instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> out = (List<Object>) l;
            return out;
        }
        if (raw instanceof Object[] a) {
            return List.of(a);
        }
        throw malformed("a list", raw);
    }

    static Map<String, Object> map(Object raw) {
        if (raw instanceof Map<?, ?> m) {
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

    static List<Long> ids(Object raw) {
        if (raw instanceof Number n) { // create of a single dict returns a bare id
            return List.of(n.longValue());
        }
        List<Object> l = list(raw);
        List<Long> ids = new ArrayList<>(l.size());
        for (Object o : l) {
            ids.add(number(o).longValue());
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

    private static OdooTransportException malformed(String expected, Object raw) {
        String type = raw == null ? "null" : raw.getClass().getSimpleName();
        return new OdooTransportException(OdooTransportException.Kind.MALFORMED_RESPONSE, 0,
                "expected " + expected + " from Odoo but got " + type, null);
    }
}
