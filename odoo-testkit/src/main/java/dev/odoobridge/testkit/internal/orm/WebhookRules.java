package dev.odoobridge.testkit.internal.orm;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook automation rules stored in {@code base.automation} with their {@code ir.actions.server} of state
 * {@code webhook}, and what a change triggers: for each active rule of the changed model whose trigger matches
 * ({@code on_create}, {@code on_write}, {@code on_create_or_write}, {@code on_unlink}, {@code on_archive},
 * {@code on_unarchive}), whose {@code trigger_field_ids} (if any) were written and whose {@code filter_domain} (if
 * any) the record matches after the change, one post per webhook action: {@code _action} ("&lt;action
 * name&gt;(#&lt;action id&gt;)"), {@code _id}, {@code _model} and, when the action has {@code webhook_field_ids},
 * {@code id} and those fields as {@code read(load=None)} gives them (many2one as bare ids, write_date with
 * microseconds). Rules are read from the tables again whenever those changed. The filter of an
 * {@code on_unlink} rule is evaluated on the record about to be deleted; {@code filter_pre_domain} is not
 * evaluated.
 */
final class WebhookRules {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRules.class);
    private static final List<String> TABLES = List.of("base.automation", "ir.actions.server", "ir.model.fields");

    private final Database db;
    private long[] seen;
    private Map<String, List<Rule>> byModel = Map.of();

    WebhookRules(Database db) {
        this.db = db;
    }

    /** Whether the automation models exist in this database. */
    private boolean present() {
        return db.modelNames().containsAll(TABLES);
    }

    /**
     * The posts {@code event} triggers, evaluated on the current state of the tables. Callers hold a lock of the
     * database.
     *
     * @param filter whether to evaluate filter domains (false for changes the store does not hold)
     */
    synchronized List<WebhookPost> postsFor(ChangeEvent event, boolean filter) {
        if (!present()) {
            return List.of();
        }
        refresh();
        List<Rule> rules = byModel.get(event.model());
        if (rules == null) {
            return List.of();
        }
        List<WebhookPost> posts = new ArrayList<>();
        Records records = new Records(db, Ctx.DEFAULT.withoutActiveTest());
        for (Rule rule : rules) {
            if (!rule.fires(event) || filter && !rule.matches(db, records, event)) {
                continue;
            }
            for (Action action : rule.actions()) {
                posts.add(new WebhookPost(action.url(), body(records, action, event)));
            }
        }
        return posts;
    }

    private Map<String, Object> body(Records records, Action action, ChangeEvent event) {
        Map<String, Object> body = new TreeMap<>();
        body.put("_action", action.name() + "(#" + action.id() + ")");
        body.put("_id", event.id());
        body.put("_model", event.model());
        if (!action.fields().isEmpty()) {
            body.put("id", event.id());
            Table table = db.modelNames().contains(event.model()) ? db.table(event.model()) : null;
            for (String name : action.fields()) {
                Object value = event.values().get(name);
                if (value == null && table != null && table.exists((int) event.id())
                        && table.model().field(name) != null) {
                    FieldDef field = table.model().field(name);
                    value = WireValues.toEvent(field, records.get(table, (int) event.id(), field));
                }
                body.put(name, value == null ? Boolean.FALSE : pythonStr(table, name, value));
            }
        }
        return body;
    }

    /**
     * Datetimes as Python's {@code str(datetime)} writes them ({@code json.dumps(default=str)}): with microseconds,
     * except when they are zero.
     */
    private static Object pythonStr(Table table, String name, Object value) {
        FieldDef field = table == null ? null : table.model().field(name);
        if (field != null && field.type() == FieldType.DATETIME && value instanceof String text
                && text.endsWith(".000000")) {
            return text.substring(0, text.length() - ".000000".length());
        }
        return value;
    }

    private void refresh() {
        long[] now = new long[TABLES.size()];
        for (int i = 0; i < now.length; i++) {
            now[i] = db.table(TABLES.get(i)).changes();
        }
        if (seen != null && java.util.Arrays.equals(seen, now)) {
            return;
        }
        seen = now;
        byModel = load();
    }

    private Map<String, List<Rule>> load() {
        Records records = new Records(db, Ctx.DEFAULT.withoutActiveTest());
        Table rules = db.table("base.automation");
        Table actions = db.table("ir.actions.server");
        Map<String, List<Rule>> out = new HashMap<>();
        rules.forEachId(id -> {
            if (Boolean.FALSE.equals(value(records, rules, id, "active"))) {
                return;
            }
            String model = modelName(records, rules, id);
            Object trigger = value(records, rules, id, "trigger");
            if (model == null || trigger == null) {
                return;
            }
            List<Action> webhooks = new ArrayList<>();
            Object actionIds = value(records, rules, id, "action_server_ids");
            for (int action : actionIds == null ? new int[0] : (int[]) actionIds) {
                if (!actions.exists(action) || !"webhook".equals(value(records, actions, action, "state"))) {
                    continue;
                }
                Object url = value(records, actions, action, "webhook_url");
                if (url == null || url.toString().isBlank()) {
                    continue;
                }
                try {
                    webhooks.add(new Action(action, String.valueOf(value(records, actions, action, "name")),
                            URI.create(url.toString().trim()), fieldNames(records, actions, action, "webhook_field_ids")));
                } catch (IllegalArgumentException e) {
                    LOG.warn("webhook action {} has an invalid URL {}: not posted", action, url);
                }
            }
            if (!webhooks.isEmpty()) {
                Object domain = value(records, rules, id, "filter_domain");
                out.computeIfAbsent(model, m -> new ArrayList<>()).add(new Rule(id, trigger.toString(),
                        domain == null ? null : domain.toString(), Set.copyOf(fieldNames(records, rules, id,
                        "trigger_field_ids")), webhooks));
            }
        });
        return out;
    }

    private String modelName(Records records, Table rules, int id) {
        Object modelId = value(records, rules, id, "model_id");
        Table models = db.table("ir.model");
        if (!(modelId instanceof Integer m) || !models.exists(m)) {
            return null;
        }
        return (String) models.value(m, models.model().field("model"));
    }

    private List<String> fieldNames(Records records, Table table, int id, String field) {
        Object ids = value(records, table, id, field);
        Table fields = db.table("ir.model.fields");
        List<String> names = new ArrayList<>();
        for (int f : ids == null ? new int[0] : (int[]) ids) {
            if (fields.exists(f)) {
                names.add((String) fields.value(f, fields.model().field("name")));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(names));
    }

    private static Object value(Records records, Table table, int id, String field) {
        FieldDef def = table.model().field(field);
        return def == null ? null : records.get(table, id, def);
    }

    /** One webhook action of a rule. */
    private record Action(int id, String name, URI url, List<String> fields) {
    }

    /** One active rule with webhook actions. */
    private record Rule(int id, String trigger, String filterDomain, Set<String> triggerFields, List<Action> actions) {
        boolean fires(ChangeEvent event) {
            return switch (event.action()) {
                case "create" -> trigger.equals("on_create") || trigger.equals("on_create_or_write");
                case "write" -> switch (trigger) {
                    case "on_write", "on_create_or_write" -> triggerFields.isEmpty()
                            || event.previous().keySet().stream().anyMatch(triggerFields::contains);
                    case "on_archive" -> activeChanged(event, false);
                    case "on_unarchive" -> activeChanged(event, true);
                    default -> false;
                };
                case "unlink" -> trigger.equals("on_unlink");
                default -> false;
            };
        }

        private static boolean activeChanged(ChangeEvent event, boolean to) {
            Object before = event.previous().get("active");
            return before != null && Boolean.valueOf(!to).equals(before)
                    && Boolean.valueOf(to).equals(event.values().get("active"));
        }

        boolean matches(Database db, Records records, ChangeEvent event) {
            if (filterDomain == null || filterDomain.isBlank()) {
                return true;
            }
            Table table = db.table(event.model());
            if (!table.exists((int) event.id())) {
                return false;
            }
            try {
                Predicate predicate = new DomainParser(db).parse(table.model(), PyLiteral.parse(filterDomain));
                return predicate.test(records, table, (int) event.id());
            } catch (RuntimeException e) {
                LOG.warn("filter_domain {} of automation rule {} cannot be evaluated: {}; the rule does not fire",
                        filterDomain, id, e.toString());
                return false;
            }
        }
    }
}
