package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code having} conditions and {@code order} on grouped rows (by their output keys). */
final class GroupFilter {
    private GroupFilter() {
    }

    /** Keeps rows matching all {@code (key, operator, value)} conditions of a having domain. */
    static List<Map<String, Object>> having(List<Map<String, Object>> rows, Object having) {
        if (!(having instanceof List<?> terms) || terms.isEmpty()) {
            return rows;
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            boolean ok = true;
            for (Object term : terms) {
                if (term instanceof List<?> leaf && leaf.size() == 3) {
                    ok &= test(row, leaf);
                } else if (!"&".equals(term)) {
                    throw new OrmFault(FaultKind.VALUE_ERROR, "Only conjunctions of conditions are supported in "
                            + "having, got " + PyRepr.of(having));
                }
            }
            if (ok) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static boolean test(Map<String, Object> row, List<?> leaf) {
        String key = String.valueOf(leaf.get(0));
        if (!row.containsKey(key)) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid having condition " + PyRepr.of(leaf)
                    + ": the aggregate is not requested");
        }
        Object v = row.get(key);
        Object lit = leaf.get(2);
        if (!(v instanceof Number a) || !(lit instanceof Number b)) {
            return "=".equals(leaf.get(1)) ? v.equals(lit) : "!=".equals(leaf.get(1)) && !v.equals(lit);
        }
        int c = Double.compare(a.doubleValue(), b.doubleValue());
        return switch (String.valueOf(leaf.get(1))) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid operator in having " + PyRepr.of(leaf));
        };
    }

    /** Sorts rows by an order spec over their keys, e.g. {@code "price_subtotal:sum desc, product_id"}. */
    static void sort(List<Map<String, Object>> rows, Object order) {
        if (!(order instanceof String text) || text.isBlank()) {
            return;
        }
        Comparator<Map<String, Object>> comparator = (a, b) -> 0;
        for (String part : text.split(",")) {
            String[] words = part.trim().split("\\s+");
            boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
            String key = words[0];
            Comparator<Map<String, Object>> byKey = Comparator.comparing(row -> sortable(row.get(key)),
                    Comparator.nullsLast(GroupFilter::compare));
            comparator = comparator.thenComparing(desc ? byKey.reversed() : byKey);
        }
        rows.sort(comparator);
    }

    private static Object sortable(Object value) {
        if (value instanceof List<?> pair && pair.size() == 2) {
            return String.valueOf(pair.get(1));
        }
        return Boolean.FALSE.equals(value) ? null : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y ? Double.compare(x.doubleValue(), y.doubleValue())
                : ((Comparable) a).compareTo(b);
    }
}
