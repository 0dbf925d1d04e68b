package dev.odoobridge.client.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of one ORM request, as the conformance corpus compares them: for XML-RPC / JSON-RPC the
 * kinds of the positional arguments of {@code execute_kw} and the set of keyword names, for JSON-2
 * the set of body keys; {@code context} is ignored. Kinds are {@code int}, {@code float}, {@code str},
 * {@code bool}, {@code null}, {@code dict}, and for lists {@code list[int]} (ids), {@code list[str]}
 * (field names), {@code list[dict]} (records), {@code list[mixed]} (a domain: leaves and operators)
 * or {@code list[]} for an empty list, which has no element kind and so matches any list kind.
 *
 * @param positional kinds of the positional arguments, in order (empty for JSON-2)
 * @param names keyword names (XML-RPC / JSON-RPC) or body keys (JSON-2), without {@code context}
 */
public record CallShape(List<String> positional, Set<String> names) {
    public CallShape {
        positional = List.copyOf(positional);
        names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /** The shape of {@code execute_kw}'s args and kwargs. */
    public static CallShape rpc(List<?> args, Map<?, ?> kwargs) {
        List<String> kinds = new ArrayList<>();
        for (Object arg : args) {
            kinds.add(kind(arg));
        }
        return new CallShape(kinds, names(kwargs));
    }

    /** The shape of a JSON-2 body. */
    public static CallShape json2(Map<?, ?> body) {
        return new CallShape(List.of(), names(body));
    }

    /** True when the shapes are the same, an empty list matching any list kind. */
    public boolean matches(CallShape other) {
        if (!names.equals(other.names) || positional.size() != other.positional.size()) {
            return false;
        }
        for (int i = 0; i < positional.size(); i++) {
            if (!kindsMatch(positional.get(i), other.positional.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean kindsMatch(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        boolean aList = a.startsWith("list[");
        boolean bList = b.startsWith("list[");
        return aList && bList && (a.equals("list[]") || b.equals("list[]"));
    }

    private static Set<String> names(Map<?, ?> map) {
        Set<String> names = new TreeSet<>();
        if (map != null) {
            for (Object key : map.keySet()) {
                if (!"context".equals(key)) {
                    names.add(String.valueOf(key));
                }
            }
        }
        return names;
    }

    /** The kind of one argument value. */
    public static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "int";
        }
        if (value instanceof Number) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "list[]";
            }
            if (list.stream().allMatch(v -> v instanceof Integer || v instanceof Long)) {
                return "list[int]";
            }
            if (list.stream().allMatch(v -> v instanceof String)) {
                return "list[str]";
            }
            if (list.stream().allMatch(v -> v instanceof Map)) {
                return "list[dict]";
            }
            return "list[mixed]";
        }
        throw new IllegalArgumentException("unexpected argument type " + value.getClass().getName());
    }

    @Override
    public String toString() {
        return positional.isEmpty() && names.isEmpty() ? "()" : positional + " " + names;
    }

}
