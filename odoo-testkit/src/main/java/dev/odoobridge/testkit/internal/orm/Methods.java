package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The public ORM methods FakeOdoo answers: signature, whether it writes, which models have it, and its body. */
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

    Methods() {
        add("search", Signature.model(1, "domain", "offset", "limit", "order"), false, null, Methods::search);
        add("search_count", Signature.model(1, "domain", "limit"), false, null, c -> Query.count(c.records(),
                c.table(), c.domain(c.args().get("domain", null)), c.args().intArg("limit")));
        add("read", Signature.records(0, "fields", "load"), false, null,
                c -> Reader.read(c.records(), c.table(), c.args().idArray(), fields(c)));
        add("search_read", Signature.model(0, "domain", "fields", "offset", "limit", "order", "load"), false, null,
                Methods::searchRead);
        add("fields_get", Signature.model(0, "allfields", "attributes"), false, null,
                c -> FieldsGet.describe(c.model(), c.args().get("allfields", null), c.args().get("attributes", null)));
        add("create", Signature.model(1, "vals_list"), true, null, Methods::create);
        add("write", Signature.records(1, "vals"), true, null, c -> {
            if (!(c.args().get("vals") instanceof Map<?, ?> vals)) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "write() expects a dict of values");
            }
            c.writer().write(c.model().name(), c.args().idArray(), vals, true);
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
        add("formatted_read_group", Signature.model(1, "domain", "groupby", "aggregates", "having", "offset", "limit",
                "order"), false, null, c -> new Grouping(c.records(), c.table()).formatted(
                        c.domain(c.args().get("domain", null)), strings(c.args().get("groupby", null)),
                        strings(c.args().get("aggregates", null)), c.args().get("having", null), offset(c),
                        c.args().intArg("limit"), c.args().get("order", null)));
        add("name_search", Signature.model(0, "name", "domain", "operator", "limit"), false, null,
                Methods::nameSearch);
        add("action_archive", Signature.records(0), true, null, c -> setActive(c, false));
        add("action_unarchive", Signature.records(0), true, null, c -> setActive(c, true));
        add("action_confirm", Signature.records(0), true, Set.of("sale.order"), c -> setState(c, "sale"));
        add("button_confirm", Signature.records(0), true, Set.of("purchase.order"), c -> setState(c, "purchase"));
        add("send", Signature.records(0, "auto_commit", "raise_exception"), true, Set.of("mail.mail"),
                MailSending::send);
        add("context_get", Signature.model(0), false, Set.of("res.users"), c -> {
            Map<String, Object> context = new java.util.LinkedHashMap<>();
            context.put("lang", "en_US");
            context.put("tz", "UTC");
            context.put("uid", c.tx().uid());
            return context;
        });
    }

    Method find(String name, String model) {
        Method method = methods.get(name);
        return method != null && method.availableOn(model) ? method : null;
    }

    private void add(String name, Signature signature, boolean writes, Set<String> models, Body body) {
        methods.put(name, new Method(signature, writes, models, body));
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
        Reader.validate(c.model(), fields);
        int[] ids = Query.search(c.records(), c.table(), predicate, Query.parseOrder(c.model(),
                c.args().get("order", null)), offset(c), c.args().intArg("limit"));
        return Reader.read(c.records(), c.table(), ids, fields);
    }

    private static Object create(Call c) {
        Object vals = c.args().get("vals_list");
        if (vals instanceof Map<?, ?> single) {
            return c.writer().create(c.model().name(), List.of(single), true).get(0);
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
        if (c.args().get("domain", null) instanceof List<?> extra) {
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
