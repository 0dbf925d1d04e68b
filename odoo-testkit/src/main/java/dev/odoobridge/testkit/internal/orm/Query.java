package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a search: filters with a predicate, orders, applies offset and limit. Orders by {@code id} and by
 * {@code write_date, id} are served from the id array and the write-date index (bounded by {@code id >}/
 * {@code write_date >=} conditions of the top-level conjunction) and stop after {@code offset + limit} matches;
 * other orders filter everything and sort.
 */
final class Query {
    /** One ordering key. */
    record OrderKey(FieldDef field, boolean descending) {
    }

    private Query() {
    }

    /**
     * Parses an order spec such as {@code "name desc, id"}; {@code id asc} is appended as the final tie-breaker.
     *
     * @throws OrmFault VALUE_ERROR for unknown fields or directions
     */
    /** Odoo's {@code regex_order}: what an order specification may look like before its fields are checked. */
    private static final java.util.regex.Pattern VALID_ORDER = java.util.regex.Pattern.compile(
            "^(\\s*([a-z0-9:_]+|\"[a-z0-9:_]+\")(\\.id)?(\\s+(desc|asc))?(\\s+nulls\\s+(first|last))?\\s*(,|$))+(?<!,)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    static List<OrderKey> parseOrder(ModelDef model, Object order) {
        List<OrderKey> keys = new ArrayList<>();
        if (order instanceof String text && !text.isBlank() && !VALID_ORDER.matcher(text).matches()) {
            throw new OrmFault(FaultKind.USER_ERROR, "Invalid \"order\" specified (" + text + "). A valid \"order\" "
                    + "specification is a comma-separated list of valid field names (optionally followed by asc/desc "
                    + "for the direction)");
        }
        if (order instanceof String text && !text.isBlank()) {
            for (String part : text.split(",")) {
                String[] words = part.trim().split("\\s+");
                FieldDef field = model.field(words[0]);
                if (field == null || words.length > 3) {
                    throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + PyRepr.of(words[0]) + " on model "
                            + PyRepr.of(model.name()));
                }
                boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
                if (words.length > 1 && !desc && !words[1].equalsIgnoreCase("asc")) {
                    throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid order " + PyRepr.of(text) + " for model "
                            + model.name());
                }
                keys.add(new OrderKey(field, desc));
            }
        }
        if (keys.stream().noneMatch(k -> k.field().name().equals("id"))) {
            keys.add(new OrderKey(model.field("id"), false));
        }
        return keys;
    }

    static int[] search(Records records, Table table, Predicate predicate, List<OrderKey> order, int offset,
                        Integer limit) {
        int wanted = limit == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
        IdCollector out = new IdCollector(wanted);
        OrderKey first = order.get(0);
        String firstName = first.field().name();
        if (firstName.equals("id")) {
            if (first.descending()) {
                table.scanIdsDescending(upperIdBound(predicate), id -> out.offer(records, table, predicate, id));
            } else {
                table.scanIds(lowerIdBound(predicate), id -> out.offer(records, table, predicate, id));
            }
            return out.page(offset);
        }
        if (firstName.equals("write_date") && order.size() == 2 && order.get(1).field().name().equals("id")
                && order.get(1).descending() == first.descending()) {
            long from = first.descending() ? Long.MAX_VALUE : lowerWriteDateBound(predicate);
            table.scanWriteDate(from, first.descending(), id -> out.offer(records, table, predicate, id));
            return out.page(offset);
        }
        IdCollector all = new IdCollector(Integer.MAX_VALUE);
        table.scanIds(lowerIdBound(predicate), id -> all.offer(records, table, predicate, id));
        Integer[] boxed = Arrays.stream(all.page(0)).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, comparator(records, table, order));
        int end = (int) Math.min(boxed.length, (long) offset + (limit == null ? Integer.MAX_VALUE : limit));
        return offset >= end ? new int[0] : Arrays.stream(boxed, offset, end).mapToInt(Integer::intValue).toArray();
    }

    static int count(Records records, Table table, Predicate predicate, Integer limit) {
        IdCollector out = new IdCollector(limit == null ? Integer.MAX_VALUE : limit);
        table.scanIds(lowerIdBound(predicate), id -> out.offer(records, table, predicate, id));
        return out.size();
    }

    static Comparator<Integer> comparator(Records records, Table table, List<OrderKey> order) {
        Comparator<Integer> result = null;
        for (OrderKey key : order) {
            Comparator<Integer> next = (a, b) -> compareValues(sortValue(records, table, a, key.field()),
                    sortValue(records, table, b, key.field()), key.descending());
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    private static Object sortValue(Records records, Table table, int id, FieldDef field) {
        Object value = records.get(table, id, field);
        if (value != null && field.type() == FieldType.MANY2ONE) {
            return records.displayName(field.relation(), (Integer) value);
        }
        return value instanceof int[] ids ? ids.length : value;
    }

    /** Compares like PostgreSQL: NULLs last ascending, first descending. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? 1 : -1) * (descending ? -1 : 1);
        }
        int c = a instanceof Number x && b instanceof Number y ? Double.compare(x.doubleValue(), y.doubleValue())
                : ((Comparable) a).compareTo(b);
        return descending ? -c : c;
    }

    private static List<Condition> topLevel(Predicate predicate) {
        List<Condition> out = new ArrayList<>();
        collect(predicate, out);
        return out;
    }

    private static void collect(Predicate predicate, List<Condition> out) {
        if (predicate instanceof Predicate.Leaf leaf) {
            out.add(leaf.condition());
        } else if (predicate instanceof Predicate.And and) {
            and.parts().forEach(p -> collect(p, out));
        }
    }

    private static int lowerIdBound(Predicate predicate) {
        int bound = 1;
        for (Condition c : topLevel(predicate)) {
            if (c.field().name().equals("id") && c.value() instanceof Number n) {
                if (c.operator().equals(">")) {
                    bound = Math.max(bound, (int) Math.min(Integer.MAX_VALUE, (long) Math.floor(n.doubleValue()) + 1));
                } else if (c.operator().equals(">=") || c.operator().equals("=")) {
                    bound = Math.max(bound, (int) Math.ceil(n.doubleValue()));
                }
            }
        }
        return bound;
    }

    private static int upperIdBound(Predicate predicate) {
        int bound = Integer.MAX_VALUE;
        for (Condition c : topLevel(predicate)) {
            if (c.field().name().equals("id") && c.value() instanceof Number n) {
                if (c.operator().equals("<")) {
                    bound = Math.min(bound, (int) Math.ceil(n.doubleValue()) - 1);
                } else if (c.operator().equals("<=") || c.operator().equals("=")) {
                    bound = Math.min(bound, (int) Math.floor(n.doubleValue()));
                }
            }
        }
        return bound;
    }

    private static long lowerWriteDateBound(Predicate predicate) {
        long bound = Long.MIN_VALUE;
        for (Condition c : topLevel(predicate)) {
            if (c.field().name().equals("write_date") && c.value() instanceof String s) {
                long from = OdooTime.parseMicros(s);
                switch (c.operator()) {
                    case ">=", "=" -> bound = Math.max(bound, from);
                    case ">" -> bound = Math.max(bound, from + OdooTime.spanMicros(s));
                    default -> {
                    }
                }
            }
        }
        return bound;
    }

    /** Collects matching ids up to a bound. */
    private static final class IdCollector {
        private final int wanted;
        private int[] ids = new int[16];
        private int size;

        IdCollector(int wanted) {
            this.wanted = wanted;
        }

        boolean offer(Records records, Table table, Predicate predicate, int id) {
            if (size >= wanted) {
                return false;
            }
            if (predicate.test(records, table, id)) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = id;
            }
            return size < wanted;
        }

        int size() {
            return size;
        }

        int[] page(int offset) {
            return offset >= size ? new int[0] : Arrays.copyOfRange(ids, offset, size);
        }
    }
}
