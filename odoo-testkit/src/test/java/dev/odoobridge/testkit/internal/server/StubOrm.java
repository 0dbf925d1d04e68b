package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.ChangeEvent;
import dev.odoobridge.testkit.internal.orm.ChangeListener;
import dev.odoobridge.testkit.internal.orm.FaultKind;
import dev.odoobridge.testkit.internal.orm.OrmApi;
import dev.odoobridge.testkit.internal.orm.OrmFault;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small in-memory stand-in for the ORM, enough to exercise every wire shape: records per model,
 * search_read / search_count / read / create / write / unlink / fields_get, and the faults the real
 * ORM raises (missing record, bad field, bad domain, access error for non-admins on res.company).
 */
final class StubOrm implements OrmApi {
    static final Set<String> MODELS = Set.of("res.partner", "res.users", "res.company", "product.product");
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=", "in", "not in", "like", "ilike");

    private final Map<String, Map<Long, Map<String, Object>>> tables = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    final List<OrmRequest> requests = new CopyOnWriteArrayList<>();

    StubOrm() {
        MODELS.forEach(m -> tables.put(m, new ConcurrentHashMap<>()));
    }

    @Override
    public long insert(String model, Map<String, Object> values) {
        long id = nextId.getAndIncrement();
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.put("id", id);
        row.putIfAbsent("write_date", "2026-11-21 19:14:41");
        table(model).put(id, row);
        return id;
    }

    private Map<Long, Map<String, Object>> table(String model) {
        Map<Long, Map<String, Object>> t = tables.get(model);
        if (t == null) {
            throw new OrmFault(FaultKind.UNKNOWN_MODEL, model);
        }
        return t;
    }

    /** Stores a record under a chosen id (to mirror ids used by the recordings). */
    void put(String model, long id, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.put("id", id);
        row.putIfAbsent("write_date", "2026-11-21 19:14:41");
        table(model).put(id, row);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object execute(OrmRequest r) {
        requests.add(r);
        Map<Long, Map<String, Object>> t = table(r.model());
        List<Object> args = r.args();
        Map<String, Object> kw = r.kwargs();
        switch (r.method()) {
            case "search_read" -> {
                List<Object> domain = (List<Object>) (args.isEmpty() ? kw.getOrDefault("domain", List.of()) : args.get(0));
                checkDomain(r.model(), domain);
                List<String> fields = (List<String>) kw.get("fields");
                int limit = kw.get("limit") instanceof Integer i ? i : Integer.MAX_VALUE;
                List<Object> out = new ArrayList<>();
                for (Map<String, Object> row : new TreeMap<>(t).values()) {
                    if (out.size() >= limit) {
                        break;
                    }
                    out.add(project(row, fields));
                }
                return out;
            }
            case "search_count" -> {
                List<Object> domain = (List<Object>) (args.isEmpty() ? kw.get("domain") : args.get(0));
                checkDomain(r.model(), domain);
                return t.size();
            }
            case "read" -> {
                List<Object> ids = r.ids() != null ? r.ids() : (List<Object>) args.get(0);
                List<String> fields = (List<String>) kw.get("fields");
                List<Object> out = new ArrayList<>();
                for (Object id : ids) {
                    Map<String, Object> row = t.get(((Number) id).longValue());
                    if (row != null) {
                        out.add(project(row, fields));
                    }
                }
                return out;
            }
            case "create" -> {
                Object vals = args.isEmpty() ? kw.get("vals_list") : args.get(0);
                if (vals instanceof List<?> list) {
                    List<Object> ids = new ArrayList<>();
                    for (Object v : list) {
                        ids.add(create(r.model(), (Map<String, Object>) v));
                    }
                    return ids;
                }
                return create(r.model(), (Map<String, Object>) vals);
            }
            case "write" -> {
                List<Object> ids = r.ids() != null ? r.ids() : (List<Object>) args.get(0);
                Map<String, Object> vals = (Map<String, Object>) (r.ids() != null ? kw.get("vals") : args.get(1));
                if (r.model().equals("res.company") && r.uid() != 2) {
                    throw new OrmFault(FaultKind.ACCESS_ERROR, "You are not allowed to modify 'Companies' (res.company) records.");
                }
                for (Object id : ids) {
                    Map<String, Object> row = t.get(((Number) id).longValue());
                    if (row == null) {
                        throw new OrmFault(FaultKind.MISSING_ERROR, "Record does not exist or has been deleted.\n(Record: "
                                + r.model() + "(" + id + ",), User: " + r.uid() + ")");
                    }
                    for (String f : vals.keySet()) {
                        if (!row.containsKey(f) && !f.equals("phone") && !f.equals("email")) {
                            throw new OrmFault(FaultKind.KEY_ERROR, f);
                        }
                    }
                    row.putAll(vals);
                    fire(r.model(), ((Number) id).longValue(), "write", row);
                }
                return true;
            }
            case "unlink" -> {
                List<Object> ids = r.ids() != null ? r.ids() : (List<Object>) args.get(0);
                for (Object id : ids) {
                    Map<String, Object> row = t.remove(((Number) id).longValue());
                    if (row != null) {
                        fire(r.model(), ((Number) id).longValue(), "unlink", row);
                    }
                }
                return true;
            }
            case "fields_get" -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", Map.of("type", "char", "string", "Name"));
                return f;
            }
            case "returns_none" -> {
                return null;
            }
            case "action_confirm" -> {
                throw new OrmFault(FaultKind.USER_ERROR, "You can not confirm this.");
            }
            case "explode" -> {
                throw new OrmFault(FaultKind.TYPE_ERROR, "explode() takes 1 positional argument but 2 were given");
            }
            default -> throw new OrmFault(FaultKind.UNKNOWN_METHOD, "The method '" + r.model() + "." + r.method()
                    + "' does not exist");
        }
    }

    private long create(String model, Map<String, Object> vals) {
        long id = insert(model, vals);
        fire(model, id, "create", table(model).get(id));
        return id;
    }

    private void fire(String model, long id, String action, Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>(row);
        values.put("write_date", "2026-11-21 19:35:13.700079");
        ChangeEvent e = new ChangeEvent(model, id, action, values);
        listeners.forEach(l -> l.onChange(e));
    }

    private static void checkDomain(String model, List<Object> domain) {
        if (domain == null) {
            return;
        }
        for (Object term : domain) {
            if (term instanceof List<?> leaf && leaf.size() == 3) {
                String field = String.valueOf(leaf.get(0));
                String op = String.valueOf(leaf.get(1));
                Object value = leaf.get(2);
                String cond = "('" + field + "', '" + op + "', " + (value instanceof String v ? "'" + v + "'" : value) + ")";
                if (!OPERATORS.contains(op)) {
                    throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid operator in condition " + cond);
                }
                if (!Set.of("id", "name", "email", "active").contains(field)) {
                    throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + model + "." + field + " in condition " + cond);
                }
            }
        }
    }

    private static Map<String, Object> project(Map<String, Object> row, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        if (fields == null || fields.isEmpty()) {
            row.forEach(out::putIfAbsent);
            return out;
        }
        for (String f : fields) {
            out.put(f, row.getOrDefault(f, false));
        }
        return out;
    }

    @Override
    public void addChangeListener(ChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public Set<String> models() {
        return MODELS;
    }
}
