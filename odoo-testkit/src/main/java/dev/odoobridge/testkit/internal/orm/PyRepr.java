package dev.odoobridge.testkit.internal.orm;

import java.util.Collection;
import java.util.Map;

/** Python's {@code repr()} of wire values, for error messages that quote them like Odoo does. */
final class PyRepr {
    private PyRepr() {
    }

    static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Collection<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : list) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(of(item));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Object[] array) {
            return of(java.util.Arrays.asList(array));
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, v) -> {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(of(k)).append(": ").append(of(v));
            });
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    /** A condition tuple as Odoo prints it: {@code ('name', '=', 1)}. */
    static String condition(Object path, Object operator, Object value) {
        return "(" + of(path) + ", " + of(operator) + ", " + of(value) + ")";
    }
}
