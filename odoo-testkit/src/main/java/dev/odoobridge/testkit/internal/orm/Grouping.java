package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code read_group} (legacy shape) and {@code formatted_read_group} (Odoo 19 shape). */
final class Grouping {
    /** One requested aggregate: output key, field and function. */
    record Aggregate(String key, FieldDef field, String function) {
    }

    private final Records records;
    private final Table table;
    private final ModelDef model;

    Grouping(Records records, Table table) {
        this.records = records;
        this.table = table;
        this.model = table.model();
    }

    /** formatted_read_group: rows with the groupby values, {@code __extra_domain} and {@code field:agg} keys. */
    List<Map<String, Object>> formatted(Predicate predicate, List<String> groupby, List<String> aggregates,
                                        Object having, int offset, Integer limit, Object order) {
        List<GroupKey> keys = groupby.stream().map(g -> GroupKey.parse(model, g)).toList();
        List<Aggregate> aggs = new ArrayList<>();
        for (String spec : aggregates) {
            aggs.add(spec.equals("__count") ? new Aggregate("__count", null, "count") : aggregate(spec, spec));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups(predicate, keys).forEach((values, ids) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            List<Object> extra = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                row.put(keys.get(i).spec(), keys.get(i).wire(records, values.get(i)));
                extra.addAll(keys.get(i).domain(values.get(i)));
            }
            row.put("__extra_domain", normalizedAnd(extra, keys.size()));
            aggs.forEach(a -> row.put(a.key(), compute(a, ids)));
            rows.add(row);
        });
        List<Map<String, Object>> kept = GroupFilter.having(rows, having);
        GroupFilter.sort(kept, order);
        return page(kept, offset, limit);
    }

    /** read_group: the legacy shape with {@code <field>_count} (lazy) or {@code __count}, and {@code __domain}. */
    List<Map<String, Object>> legacy(Object domain, Predicate predicate, List<String> fields, List<String> groupby,
                                     int offset, Integer limit, Object orderby, boolean lazy) {
        List<String> used = lazy && groupby.size() > 1 ? groupby.subList(0, 1) : groupby;
        List<GroupKey> keys = used.stream().map(g -> GroupKey.parse(model, g)).toList();
        List<Aggregate> aggs = new ArrayList<>();
        for (String spec : fields) {
            String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            if (used.contains(spec) || used.stream().anyMatch(g -> g.startsWith(name + ":")) || name.equals("__count")) {
                continue;
            }
            FieldDef field = model.field(name.contains("(") ? "" : name);
            if (spec.contains(":") || (field != null && field.type().numeric() && !name.equals("id"))) {
                aggs.add(aggregate(spec, name));
            }
        }
        String countKey = lazy ? used.get(0).split(":")[0] + "_count" : "__count";
        List<Map<String, Object>> rows = new ArrayList<>();
        groups(predicate, keys).forEach((values, ids) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            List<Object> extra = new ArrayList<>();
            Map<String, Object> ranges = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                GroupKey key = keys.get(i);
                Object wire = key.wire(records, values.get(i));
                row.put(key.spec(), key.granularity() != null && wire instanceof List<?> l ? l.get(1) : wire);
                if (key.granularity() != null && values.get(i) != null) {
                    java.time.LocalDate start = (java.time.LocalDate) values.get(i);
                    ranges.put(key.spec(), Map.of("from", key.literal(start), "to", key.literal(key.end(start))));
                }
                extra.addAll(key.domain(values.get(i)));
            }
            row.put(countKey, ids.size());
            aggs.forEach(a -> row.put(a.key(), compute(a, ids)));
            if (!ranges.isEmpty()) {
                row.put("__range", ranges);
            }
            List<Object> groupDomain = normalizedAnd(extra, keys.size());
            row.put("__domain", domain instanceof List<?> d && !d.isEmpty() ? and(groupDomain, d) : groupDomain);
            if (lazy && groupby.size() > 1) {
                row.put("__context", Map.of("group_by", groupby.subList(1, groupby.size())));
            }
            rows.add(row);
        });
        GroupFilter.sort(rows, orderby);
        return page(rows, offset, limit);
    }

    private Aggregate aggregate(String spec, String key) {
        String[] parts = spec.split(":");
        String fieldName = parts[0];
        String function = parts.length > 1 ? parts[1] : "sum";
        if (function.contains("(")) {
            fieldName = function.substring(function.indexOf('(') + 1, function.indexOf(')'));
            function = function.substring(0, function.indexOf('('));
        }
        FieldDef field = model.field(fieldName);
        if (field == null) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + PyRepr.of(fieldName) + " on model "
                    + PyRepr.of(model.name()));
        }
        if (!List.of("sum", "avg", "min", "max", "count", "count_distinct", "bool_and", "bool_or", "array_agg")
                .contains(function)) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid aggregation function " + PyRepr.of(function) + ".");
        }
        return new Aggregate(key, field, function);
    }

    private Object compute(Aggregate aggregate, List<Integer> ids) {
        if (aggregate.field() == null) {
            return ids.size();
        }
        List<Object> values = new ArrayList<>();
        for (int id : ids) {
            values.add(records.get(table, id, aggregate.field()));
        }
        List<Object> present = values.stream().filter(v -> v != null).toList();
        boolean integer = aggregate.field().type() == FieldType.INTEGER || aggregate.field().name().equals("id");
        return switch (aggregate.function()) {
            case "count" -> present.size();
            case "count_distinct" -> (int) present.stream().distinct().count();
            case "array_agg" -> values.stream().map(v -> WireValues.toRead(records, aggregate.field(), v)).toList();
            case "bool_and" -> present.stream().allMatch(Boolean.TRUE::equals);
            case "bool_or" -> present.stream().anyMatch(Boolean.TRUE::equals);
            case "avg" -> present.isEmpty() ? Boolean.FALSE
                    : present.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0);
            case "min", "max" -> present.isEmpty() ? Boolean.FALSE : WireValues.toRead(records, aggregate.field(),
                    present.stream().max(aggregate.function().equals("max") ? Grouping::compare
                            : (a, b) -> compare(b, a)).orElseThrow());
            default -> {
                double sum = present.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
                yield integer ? (Object) (int) sum : (Object) sum;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y ? Double.compare(x.doubleValue(), y.doubleValue())
                : ((Comparable) a).compareTo(b);
    }

    /** Groups matching ids by their key values, ordered by the keys (many2one by display name, empty last). */
    private Map<List<Object>, List<Integer>> groups(Predicate predicate, List<GroupKey> keys) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        table.forEachId(id -> {
            if (predicate.test(records, table, id)) {
                List<Object> values = new ArrayList<>(keys.size());
                keys.forEach(k -> values.add(k.of(records, table, id)));
                groups.computeIfAbsent(values, v -> new ArrayList<>()).add(id);
            }
        });
        List<List<Object>> ordered = new ArrayList<>(groups.keySet());
        Comparator<List<Object>> comparator = (a, b) -> 0;
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            GroupKey key = keys.get(i);
            comparator = comparator.thenComparing(values -> sortable(key, values.get(index)),
                    Comparator.nullsLast(Grouping::compare));
        }
        ordered.sort(comparator);
        Map<List<Object>, List<Integer>> result = new LinkedHashMap<>();
        ordered.forEach(values -> result.put(values, groups.get(values)));
        return result;
    }

    private Object sortable(GroupKey key, Object value) {
        if (value instanceof Integer id && key.field().type() == FieldType.MANY2ONE) {
            return records.displayName(key.field().relation(), id);
        }
        return value;
    }

    private static List<Object> normalizedAnd(List<Object> leaves, int groups) {
        List<Object> out = new ArrayList<>();
        for (int i = 1; i < groups; i++) {
            out.add("&");
        }
        out.addAll(leaves);
        return out;
    }

    private static List<Object> and(List<Object> a, List<?> b) {
        List<Object> out = new ArrayList<>();
        out.add("&");
        out.addAll(a);
        long implicit = b.stream().filter(t -> t instanceof List).count()
                - b.stream().filter(t -> "&".equals(t) || "|".equals(t)).count() - 1;
        for (long i = 0; i < implicit; i++) {
            out.add("&");
        }
        out.addAll(b);
        return out;
    }

    private static List<Map<String, Object>> page(List<Map<String, Object>> rows, int offset, Integer limit) {
        int end = (int) Math.min(rows.size(), (long) offset + (limit == null ? Integer.MAX_VALUE : limit));
        return offset >= end ? List.of() : new ArrayList<>(rows.subList(offset, end));
    }
}
