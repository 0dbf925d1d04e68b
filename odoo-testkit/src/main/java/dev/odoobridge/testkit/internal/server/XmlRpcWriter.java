package dev.odoobridge.testkit.internal.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes {@code methodResponse} bodies exactly as Odoo 19 (Python's xmlrpc.client marshaller)
 * does: one element per line, {@code <string>} always explicit, {@code <boolean>0/1},
 * {@code <double>} in Python's float repr, datetimes as plain strings. Odoo never sends
 * {@code <nil/>}: a null anywhere makes {@link #response} throw {@link NoneNotAllowedException}.
 */
final class XmlRpcWriter {
    private static final String HEAD = "<?xml version=\"1.0\"?>\n<methodResponse>\n";
    private static final String TAIL = "\n</methodResponse>\n";

    private XmlRpcWriter() {
    }

    /** Thrown when a result holds a None, which Python's marshaller refuses. */
    static final class NoneNotAllowedException extends RuntimeException {
        NoneNotAllowedException() {
            super("cannot marshal None unless allow_none is enabled", null, false, false);
        }
    }

    static String response(Object result) {
        StringBuilder sb = new StringBuilder(256).append(HEAD).append("<params>\n<param>\n");
        value(sb, result);
        return sb.append("</param>\n</params>\n").append(TAIL).toString();
    }

    static String fault(int code, String message) {
        StringBuilder sb = new StringBuilder(256 + message.length()).append(HEAD).append("<fault>\n");
        sb.append("<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>").append(code)
                .append("</int></value>\n</member>\n<member>\n<name>faultString</name>\n<value><string>");
        escape(sb, message);
        sb.append("</string></value>\n</member>\n</struct></value>\n");
        return sb.append("</fault>\n").append(TAIL).toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            throw new NoneNotAllowedException();
        } else if (v instanceof String s) {
            sb.append("<value><string>");
            escape(sb, s);
            sb.append("</string></value>\n");
        } else if (v instanceof Boolean b) {
            sb.append("<value><boolean>").append(b ? '1' : '0').append("</boolean></value>\n");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append("<value><int>").append(v).append("</int></value>\n");
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            sb.append("<value><double>").append(PythonRepr.floatRepr(((Number) v).doubleValue()))
                    .append("</double></value>\n");
        } else if (v instanceof Map<?, ?> map) {
            sb.append("<value><struct>\n");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append("<member>\n<name>");
                escape(sb, String.valueOf(e.getKey()));
                sb.append("</name>\n");
                value(sb, e.getValue());
                sb.append("</member>\n");
            }
            sb.append("</struct></value>\n");
        } else if (v instanceof Collection<?> list) {
            sb.append("<value><array><data>\n");
            for (Object item : list) {
                value(sb, item);
            }
            sb.append("</data></array></value>\n");
        } else if (v instanceof Object[] array) {
            value(sb, java.util.Arrays.asList(array));
        } else {
            sb.append("<value><string>");
            escape(sb, v.toString());
            sb.append("</string></value>\n");
        }
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
    }
}
