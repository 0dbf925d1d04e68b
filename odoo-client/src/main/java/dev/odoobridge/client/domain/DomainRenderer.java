package dev.odoobridge.client.domain;

import dev.odoobridge.client.value.OdooValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders domains to prefix notation and to Python-list text. */
final class DomainRenderer {
    private DomainRenderer() {
    }

    static void render(Domain d, List<Object> out) {
        if (d instanceof Domain.True) {
            return; // [] matches all; inside And/Or it is replaced by a tautology below
        }
        if (d instanceof Domain.False) {
            out.add(List.of(0, "=", 1));
        } else if (d instanceof Domain.Condition c) {
            Object value = c.value() instanceof Domain sub ? sub.toWire() : OdooValues.toWire(c.value());
            List<Object> leaf = new ArrayList<>(3);
            leaf.add(c.path());
            leaf.add(c.operator().symbol());
            leaf.add(value);
            out.add(leaf);
        } else if (d instanceof Domain.And a) {
            renderNary("&", a.children(), out);
        } else if (d instanceof Domain.Or o) {
            renderNary("|", o.children(), out);
        } else if (d instanceof Domain.Not n) {
            out.add("!");
            renderTerm(n.child(), out);
        }
    }

    private static void renderNary(String op, List<Domain> children, List<Object> out) {
        for (int i = 1; i < children.size(); i++) {
            out.add(op);
        }
        for (Domain child : children) {
            renderTerm(child, out);
        }
    }

    /** Inside an operator every term must produce output; True becomes Odoo's tautology (1, '=', 1). */
    private static void renderTerm(Domain d, List<Object> out) {
        if (d instanceof Domain.True) {
            out.add(List.of(1, "=", 1));
        } else {
            render(d, out);
        }
    }

    static String toText(List<Object> wire) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < wire.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object term = wire.get(i);
            if (term instanceof List<?> leaf) {
                sb.append('(');
                for (int j = 0; j < leaf.size(); j++) {
                    if (j > 0) {
                        sb.append(", ");
                    }
                    appendPython(leaf.get(j), sb);
                }
                sb.append(')');
            } else {
                appendPython(term, sb);
            }
        }
        return sb.append(']').toString();
    }

    private static void appendPython(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("None");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (v instanceof String s) {
            sb.append('\'');
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\'' -> sb.append("\\'");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append(ch);
                }
            }
            sb.append('\'');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendPython(l.get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendPython(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                appendPython(e.getValue(), sb);
            }
            sb.append('}');
        } else {
            sb.append(v);
        }
    }
}
