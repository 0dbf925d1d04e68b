package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public ORM methods FakeOdoo answers in one Odoo version: signature, whether it writes, which models have it,
 * and its body. Methods come and go with the version ({@code name_get} 17.0 only, {@code has_access} from 18.0,
 * {@code formatted_read_group} from 19.0; {@code search_fetch} is public before 19.0 and private from 19.0), and
 * signatures change ({@code name_search} takes {@code args} before 19.0 and {@code domain} from 19.0).
 */
final class Methods {
    /** A method body. */
    @FunctionalInterface
    interface Body {
        Object run(Call call);
    }

    /** One method. */
    record Method(Signature signature, boolean writes, Set<String> models, Body body) {
        boolean availableOn(String model) {
            return models == null || models.contains(model);
        }
    }

    private final Map<String, Method> methods = new HashMap<>();
    private final Set<String> privateMethods = new java.util.HashSet<>();

    /** The methods of Odoo {@code major} (17, 18 or 19). */
    Methods(int major) {
        add("search", Signature.model(1, "domain", "offset", "limit", "order"), false, null, Methods::search);
        add("search_count", Signature.model(1, "domain", "limit"), false, null, c -> Query.count(c.records(),
                c.table(), c.domain(c.args().get("domain", null)), c.args().intArg("limit")));
        add("read", Signature.records(0, "fields", "load"), false, null, c -> {
            List<String> fields = fields(c);
            c.validateFields(fields);
            return loaded(c, Reader.read(c.records(), c.table(), c.args().idArray(), fields));
        });
        add("search_read", Signature.model(0, "domain", "fields", "offset", "limit", "order", "load"), false, null,
                Methods::searchRead);
        add("fields_get", Signature.model(0, "allfields", "attributes"), false, null,
                c -> FieldsGet.describe(c.model(), c.args().get("allfields", null), c.args().get("attributes", null)));
        add("create", Signature.create(), true, null, Methods::create);
        add("name_create", Signature.model(1, "name"), true, null, c -> {
            int id = (Integer) c.writer().create(c.model().name(), List.of(Map.of(
                    c.model().field("name") != null ? "name" : "display_name", c.args().get("name"))), true).get(0);
            return List.of(id, c.records().displayName(c.table(), id));
        });
        add("web_search_read", Signature.model(2, "domain", "specification", "offset", "limit", "order",
                "count_limit"), false, null, Methods::webSearchRead);
        add("check_access_rights", Signature.model(1, "operation", "raise_exception"), false, null,
                c -> Boolean.TRUE);
        add("search_fetch", Signature.model(2, "domain", "field_names", "offset", "limit", "order"), false, null,
                Methods::search);
        if (major >= 19) {
            privateMethods.add("search_fetch");
        }
        if (major < 18) {
            add("name_get", Signature.records(0), false, null, c -> {
                List<Object> out = new ArrayList<>();
                for (int id : c.args().idArray()) {
                    if (c.table().exists(id)) {
                        out.add(List.of(id, c.records().displayName(c.table(), id)));
                    }
                }
                return out;
            });
        } else {
            add("has_access", Signature.records(1, "operation"), false, null, c -> Boolean.TRUE);
        }
        Signature defaultGet = major < 19 ? Signature.model(1, "fields_list") : Signature.model(1, "fields");
        add("default_get", defaultGet, false, null, Methods::defaultGet);
        Signature partnerDefaultGet = major < 19 ? Signature.model(1, "default_fields") : Signature.model(1, "fields");
        add("default_get", partnerDefaultGet.ownedBy(major < 19 ? "Partner" : "ResPartner"), false, Set.of("res.partner"), Methods::defaultGet);
        add("write", Signature.records(1, "vals"), true, null, c -> {
            if (!(c.args().get("vals") instanceof Map<?, ?> vals)) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "write() expects a dict of values");
            }
            c.withValueFieldsChecked(false, () -> {
                c.writer().write(c.model().name(), c.args().idArray(), vals, true);
                return null;
            });
            return Boolean.TRUE;
        });
        add("unlink", Signature.records(0), true, null, c -> {
            c.writer().unlink(c.model().name(), c.args().idArray(), true);
            return Boolean.TRUE;
        });
        add("read_group", Signature.model(3, "domain", "fields", "groupby", "offset", "limit", "orderby", "lazy"),
                false, null, c -> new Grouping(c.records(), c.table()).legacy(c.args().get("domain", null),
                        c.domain(c.args().get("domain", null)), strings(c.args().get("fields", null)),
                        strings(c.args().get("groupby", null)), offset(c), c.args().intArg("limit"),
                        c.args().get("orderby", null), !Boolean.FALSE.equals(c.args().get("lazy", true))));
        if (major >= 19) {
            add("formatted_read_group", Signature.model(1, "domain", "groupby", "aggregates", "having", "offset", "limit",
                "order"), false, null, c -> new Grouping(c.records(), c.table()).formatted(
                        c.domain(c.args().get("domain", null)), strings(c.args().get("groupby", null)),
                        strings(c.args().get("aggregates", null)), c.args().get("having", null), offset(c),
                        c.args().intArg("limit"), c.args().get("order", null)));
        }
        add("name_search", Signature.model(0, "name", major < 19 ? "args" : "domain", "operator", "limit"), false,
                null, Methods::nameSearch);
        // both return None: "cannot marshal None" over XML-RPC (after commit), no result member over JSON-RPC
        add("action_archive", Signature.records(0), true, null, c -> {
            setActive(c, false);
            return null;
        });
        add("action_unarchive", Signature.records(0), true, null, c -> {
            setActive(c, true);
            return null;
        });
        add("action_confirm", Signature.records(0), true, Set.of("sale.order"), c -> setState(c, "sale"));
        add("button_confirm", Signature.records(0), true, Set.of("purchase.order"), c -> setState(c, "purchase"));
        add("create", Signature.create(), true, Set.of("stock.quant"),
                c -> c.withValueFieldsChecked(true, () -> InventoryMode.create(c)));
        // returns None: "cannot marshal None" over XML-RPC (after commit), no result member over JSON-RPC
        add("action_apply_inventory", Signature.records(0), true, Set.of("stock.quant"), c -> {
            InventoryMode.apply(c);
            return null;
        });
        add("send", Signature.records(0, "auto_commit", "raise_exception"), true, Set.of("mail.mail"),
                MailSending::send);
        add("context_get", Signature.model(0), false, Set.of("res.users"), c -> {
            Map<String, Object> context = new java.util.LinkedHashMap<>();
            context.put("lang", "en_US");
            context.put("tz", "UTC");
            context.put("uid", c.uid());
            return context;
        });
    }

    /** The method {@code name} of {@code model}, or null when the model has none. */
    Method find(String name, String model) {
        Method specific = methods.get(name + "@" + model);
        if (specific != null) {
            return specific;
        }
        Method method = methods.get(name);
        return method != null && method.availableOn(model) ? method : null;
    }

    /** Whether {@code name} exists but is private in this version (refused as an AccessError). */
    boolean isPrivate(String name) {
        return privateMethods.contains(name);
    }

    /** Adds a method; with {@code models}, an override on those models only (when the name exists already). */
    private void add(String name, Signature signature, boolean writes, Set<String> models, Body body) {
        Method method = new Method(signature, writes, models, body);
        if (models != null && methods.containsKey(name)) {
            models.forEach(model -> methods.put(name + "@" + model, method));
        } else {
            methods.put(name, method);
        }
    }

    /** {@code {"length": n, "records": [...]}}, records read as the specification says (many2one as nested dicts). */
    private static Object webSearchRead(Call c) {
        Predicate predicate = c.domain(c.args().get("domain", null));
        if (!(c.args().get("specification", null) instanceof Map<?, ?> spec)) {
            throw new OrmFault(FaultKind.RUNTIME_TYPE_ERROR, "specification must be a dict");
        }
        List<Query.OrderKey> order = Query.parseOrder(c.model(), c.args().get("order", null));
        int[] all = Query.search(c.records(), c.table(), predicate, order, 0, null);
        int offset = offset(c);
        Integer limit = c.args().intArg("limit");
        int end = limit == null ? all.length : (int) Math.min(all.length, (long) offset + limit);
        int[] ids = offset >= all.length ? new int[0] : java.util.Arrays.copyOfRange(all, offset, Math.max(offset, end));
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("length", all.length);
        out.put("records", webRead(c.records(), c.model(), ids, spec));
        return out;
    }

    private static List<Map<String, Object>> webRead(Records records, ModelDef model, int[] ids, Map<?, ?> spec) {
        List<String> names = new ArrayList<>();
        spec.keySet().forEach(k -> names.add(String.valueOf(k)));
        Reader.validate(model, names);
        Table table = records.db().table(model.name());
        List<Map<String, Object>> rows = Reader.read(records, table, ids, names);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("id", row.get("id"));
            for (String name : names) {
                FieldDef field = model.field(name);
                Object value = row.get(name);
                Object sub = spec.get(name) instanceof Map<?, ?> m ? m.get("fields") : null;
                if (field.type() == FieldType.MANY2ONE && value instanceof List<?> pair) {
                    int id = ((Number) pair.get(0)).intValue();
                    ModelDef comodel = records.db().model(field.relation());
                    value = sub instanceof Map<?, ?> subSpec
                            ? webRead(records, comodel, new int[] {id}, subSpec).get(0) : id;
                } else if (field.type().toMany() && sub instanceof Map<?, ?> subSpec && value instanceof List<?> list) {
                    value = webRead(records, records.db().model(field.relation()), WireValues.idArray(list), subSpec);
                }
                record.put(name, value);
            }
            out.add(record);
        }
        return out;
    }

    private static Object defaultGet(Call c) {
        Object requested = c.args().get(c.args().args().containsKey("fields") ? "fields"
                : c.args().args().containsKey("fields_list") ? "fields_list" : "default_fields", null);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String name : strings(requested)) {
            if (c.model().field(name) == null) {
                continue;
            }
            switch (name) {
                case "active" -> out.put(name, Boolean.TRUE);
                case "lang" -> out.put(name, "en_US");
                case "type" -> {
                    if (c.model().name().equals("res.partner")) {
                        out.put(name, "contact");
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static Object search(Call c) {
        Predicate predicate = c.domain(c.args().get("domain", null));
        int[] ids = Query.search(c.records(), c.table(), predicate, Query.parseOrder(c.model(),
                c.args().get("order", null)), offset(c), c.args().intArg("limit"));
        return WireValues.ids(ids);
    }

    private static Object searchRead(Call c) {
        Predicate predicate = c.domain(c.args().get("domain", null));
        List<String> fields = fields(c);
        c.validateFields(fields);
        int[] ids = Query.search(c.records(), c.table(), predicate, Query.parseOrder(c.model(),
                c.args().get("order", null)), offset(c), c.args().intArg("limit"));
        return loaded(c, Reader.read(c.records(), c.table(), ids, fields));
    }

    /**
     * Rows as {@code load} asks: the default {@code '_classic_read'} gives many2ones as {@code [id, display name]},
     * any other value (None) as the bare id.
     */
    private static List<Map<String, Object>> loaded(Call c, List<Map<String, Object>> rows) {
        if ("_classic_read".equals(c.args().get("load", "_classic_read"))) {
            return rows;
        }
        for (Map<String, Object> row : rows) {
            row.replaceAll((name, value) -> {
                FieldDef field = c.model().field(name);
                return field != null && field.type() == FieldType.MANY2ONE && value instanceof List<?> pair
                        && !pair.isEmpty() ? pair.get(0) : value;
            });
        }
        return rows;
    }

    private static Object create(Call c) {
        return c.withValueFieldsChecked(true, () -> createRecords(c));
    }

    static Object createRecords(Call c) {
        Object vals = c.args().get("vals_list");
        if (vals instanceof Map<?, ?> single) {
            // call_kw answers an id for a dict; JSON-2 always a list of ids
            List<?> ids = c.writer().create(c.model().name(), List.of(single), true);
            return c.args().named() ? ids : ids.get(0);
        }
        if (!(vals instanceof List<?> list)) {
            throw new OrmFault(FaultKind.TYPE_ERROR, "create() expects a dict or a list of dicts, got "
                    + PyRepr.of(vals));
        }
        return c.writer().create(c.model().name(), list, true);
    }

    private static Object nameSearch(Call c) {
        Object name = c.args().get("name", "");
        String operator = String.valueOf(c.args().get("operator", "ilike"));
        Integer limit = c.args().get("limit", 100) == null ? null : c.args().intArg("limit") == null ? 100
                : c.args().intArg("limit");
        List<Object> domain = new ArrayList<>();
        Object extraDomain = c.args().get("domain", null);
        if (extraDomain == null) {
            extraDomain = c.args().get("args", null);
        }
        if (extraDomain instanceof List<?> extra) {
            domain.addAll(extra);
        }
        Predicate predicate = c.domain(domain);
        boolean all = name == null || "".equals(name) || Boolean.FALSE.equals(name);
        Condition byName = all ? null : new Condition(c.model().field("display_name"), operator, name, null, null);
        Predicate combined = byName == null ? predicate
                : new Predicate.And(List.of(predicate, new Predicate.Leaf(byName)));
        int[] ids = Query.search(c.records(), c.table(), combined, Query.parseOrder(c.model(), null), 0, limit);
        List<Object> out = new ArrayList<>();
        for (int id : ids) {
            out.add(List.of(id, c.records().displayName(c.table(), id)));
        }
        return out;
    }

    private static Object setActive(Call c, boolean active) {
        if (!c.model().hasActive()) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Model " + c.model().name() + " has no 'active' field");
        }
        c.writer().write(c.model().name(), c.args().idArray(), Map.of("active", active), true);
        return Boolean.TRUE;
    }

    private static Object setState(Call c, String state) {
        c.writer().write(c.model().name(), c.args().idArray(), Map.of("state", state), true);
        return Boolean.TRUE;
    }

    private static int offset(Call c) {
        Integer offset = c.args().intArg("offset");
        return offset == null ? 0 : offset;
    }

    private static List<String> fields(Call c) {
        Object fields = c.args().get("fields", null);
        return fields instanceof Collection<?> list && !list.isEmpty() ? strings(fields) : null;
    }

    static List<String> strings(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof Collection<?> list)) {
            throw new OrmFault(FaultKind.TYPE_ERROR, "expected a list of names, got " + PyRepr.of(value));
        }
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(String.valueOf(item)));
        return out;
    }
}
