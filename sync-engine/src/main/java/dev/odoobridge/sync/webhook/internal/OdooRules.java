package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Command;
import dev.odoobridge.client.value.Ref;
import dev.odoobridge.sync.webhook.RuleChange;
import dev.odoobridge.sync.webhook.RuleChange.Fix;
import dev.odoobridge.sync.webhook.WebhookRulesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes odoo-bridge's automation rules through RPC, as an administrator does in Odoo's form: a
 * {@code base.automation} on the model's {@code ir.model}, its "Send Webhook Notification" action created inside
 * it ({@code (0, 0, {...})} in {@code action_server_ids}), the fields sent as {@code ir.model.fields} ids. Archived
 * rules are read too ({@code active_test: false}). Deleting a rule deletes its actions in Odoo
 * ({@code base_automation_id} cascades); any that survive are deleted explicitly.
 */
public final class OdooRules {
    /** The fields every post carries besides {@code _model}, {@code _id}, {@code _action}: the processor compares
     * {@code write_date} with its re-read on servers that post before commit (17, 18). */
    static final String WRITE_DATE = "write_date";
    /** Sent when the model has it, so an archive is told apart from another write. */
    static final String ACTIVE = "active";

    private final OdooClient odoo;
    private final String source;
    private final Map<String, Long> modelIds = new HashMap<>();
    private final Map<String, Map<String, Long>> fieldIds = new HashMap<>();
    private boolean checked;

    /** Rules of {@code source} on {@code odoo}. */
    public OdooRules(OdooClient odoo, String source) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
        this.source = Objects.requireNonNull(source, "source == null");
    }

    /** The server's version, e.g. {@code 18.0}. */
    public String version() {
        return odoo.version().serverVersion();
    }

    /** Checks once that the server can hold webhook rules ({@link AutomationSchema}). */
    public void check() {
        if (!checked) {
            AutomationSchema.check(odoo, source);
            checked = true;
        }
    }

    /** The rule wanted for {@code model} and {@code trigger}: the fields sent depend on the model's fields. */
    public WantedRule wanted(String model, String trigger, String url) {
        return new WantedRule(model, trigger, url, List.copyOf(fieldIds(model).keySet()));
    }

    /** Every rule named like ours (archived ones included), with their actions. */
    public List<FoundRule> read() {
        check();
        List<OdooRecord> rules = odoo.model(AutomationSchema.RULE).searchRead(Domains.eqLike("name",
                        RuleMarker.PREFIX + "%"), List.of("name", "model_id", "trigger", "active", "action_server_ids"),
                SearchOptions.DEFAULT.includeArchived().order("id"));
        Set<Long> actionIds = new TreeSet<>();
        Set<Long> models = new TreeSet<>();
        for (OdooRecord rule : rules) {
            actionIds.addAll(rule.getIds("action_server_ids"));
            Ref model = rule.getRef("model_id");
            if (model != null) {
                models.add(model.id());
            }
        }
        Map<Long, String> modelNames = new HashMap<>();
        if (!models.isEmpty()) {
            for (OdooRecord m : odoo.model("ir.model").read(models, List.of("model"))) {
                modelNames.put(m.id(), m.getString("model"));
            }
        }
        Map<Long, OdooRecord> actions = new HashMap<>();
        Set<Long> fields = new TreeSet<>();
        if (!actionIds.isEmpty()) {
            for (OdooRecord a : odoo.model(AutomationSchema.ACTION).read(actionIds,
                    List.of("name", "state", "webhook_url", "webhook_field_ids"))) {
                actions.put(a.id(), a);
                fields.addAll(a.getIds("webhook_field_ids"));
            }
        }
        Map<Long, String> fieldNames = new HashMap<>();
        if (!fields.isEmpty()) {
            for (OdooRecord f : odoo.model("ir.model.fields").read(fields, List.of("name"))) {
                fieldNames.put(f.id(), f.getString("name"));
            }
        }
        List<FoundRule> found = new ArrayList<>();
        for (OdooRecord rule : rules) {
            List<FoundRule.FoundAction> ruleActions = new ArrayList<>();
            for (long id : new TreeSet<>(rule.getIds("action_server_ids"))) {
                OdooRecord a = actions.get(id);
                if (a != null) {
                    List<String> sent = a.getIds("webhook_field_ids").stream().map(fieldNames::get)
                            .filter(Objects::nonNull).toList();
                    ruleActions.add(new FoundRule.FoundAction(id, text(a.getString("name")), text(a.getString("state")),
                            text(a.getString("webhook_url")), sent));
                }
            }
            Ref model = rule.getRef("model_id");
            found.add(new FoundRule(rule.id(), text(rule.getString("name")),
                    model == null ? "" : modelNames.getOrDefault(model.id(), ""), text(rule.getString("trigger")),
                    rule.getBoolean("active"), ruleActions));
        }
        return found;
    }

    /** Applies one change; {@code wanted} is the rule it must end as (null for a delete). */
    public void apply(RuleChange change, WantedRule wanted) {
        switch (change.kind()) {
            case CREATE -> create(wanted);
            case UPDATE -> update(change, wanted);
            case DELETE -> delete(change);
        }
    }

    private void create(WantedRule wanted) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", wanted.name());
        rule.put("model_id", modelId(wanted.model()));
        rule.put("trigger", wanted.trigger());
        rule.put("action_server_ids", List.of(List.of(0, 0, action(wanted))));
        long id = odoo.model(AutomationSchema.RULE).create(rule);
        nameActions(id, wanted);
    }

    /**
     * Names the rule's webhook actions like the rule where the server named them otherwise (17.0 and 18.0 name an
     * action created in a rule after its type; a later write of the name alone is kept).
     */
    private void nameActions(long ruleId, WantedRule wanted) {
        List<Long> ids = odoo.model(AutomationSchema.RULE).read(List.of(ruleId), List.of("action_server_ids")).stream()
                .flatMap(r -> r.getIds("action_server_ids").stream()).toList();
        if (ids.isEmpty()) {
            return;
        }
        List<Long> misnamed = odoo.model(AutomationSchema.ACTION).read(ids, List.of("name", "state")).stream()
                .filter(a -> "webhook".equals(a.getString("state")) && !wanted.name().equals(a.getString("name")))
                .map(OdooRecord::id).toList();
        if (!misnamed.isEmpty()) {
            odoo.model(AutomationSchema.ACTION).write(misnamed, Map.of("name", wanted.name()));
        }
    }

    private void update(RuleChange change, WantedRule wanted) {
        Map<String, Object> rule = new LinkedHashMap<>();
        if (change.fixes().contains(Fix.ENABLE)) {
            rule.put("active", true);
        }
        if (change.fixes().contains(Fix.ADD_ACTION)) {
            rule.put("action_server_ids", List.of(List.of(0, 0, action(wanted))));
        }
        if (!rule.isEmpty()) {
            odoo.model(AutomationSchema.RULE).write(List.of(change.ruleId()), rule);
        }
        if (change.fixes().contains(Fix.ADD_ACTION)) {
            nameActions(change.ruleId(), wanted);
        }
        if (change.fixes().contains(Fix.URL) || change.fixes().contains(Fix.FIELDS)
                || change.fixes().contains(Fix.ACTION_NAME)) {
            // the name goes with every write: Odoo recomputes an automation action's name when its URL changes
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("name", wanted.name());
            action.put("webhook_url", wanted.url());
            action.put("webhook_field_ids", List.of(Command.set(fieldIds(wanted.model()).values())));
            odoo.model(AutomationSchema.ACTION).write(List.of(change.actionIds().get(0)), action);
        }
        if (change.fixes().contains(Fix.EXTRA_ACTIONS)) {
            odoo.model(AutomationSchema.ACTION).unlink(change.actionIds().subList(1, change.actionIds().size()));
        }
    }

    private void delete(RuleChange change) {
        odoo.model(AutomationSchema.RULE).unlink(List.of(change.ruleId()));
        if (!change.actionIds().isEmpty()) {
            List<Long> left = odoo.model(AutomationSchema.ACTION).search(Domains.in("id", change.actionIds()));
            if (!left.isEmpty()) {
                odoo.model(AutomationSchema.ACTION).unlink(left);
            }
        }
    }

    private Map<String, Object> action(WantedRule wanted) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", wanted.name());
        action.put("state", "webhook");
        action.put("model_id", modelId(wanted.model()));
        action.put("webhook_url", wanted.url());
        action.put("webhook_field_ids", List.of(Command.set(fieldIds(wanted.model()).values())));
        return action;
    }

    private long modelId(String model) {
        return modelIds.computeIfAbsent(model, m -> {
            List<Long> ids = odoo.model("ir.model").search(Domains.eq("model", m));
            if (ids.isEmpty()) {
                throw new WebhookRulesException(source, "Odoo of source '" + source + "' has no model " + m
                        + ": remove it from sync.models or install its module");
            }
            return ids.get(0);
        });
    }

    /** The fields sent for {@code model}, by name, with their {@code ir.model.fields} ids. */
    private Map<String, Long> fieldIds(String model) {
        Map<String, Long> known = fieldIds.get(model);
        if (known != null) {
            return known;
        }
        long modelId = modelId(model);
        Map<String, Long> byName = new HashMap<>();
        for (OdooRecord f : odoo.model("ir.model.fields").searchRead(Domains.and(Domains.eq("model_id", modelId),
                Domains.in("name", List.of(WRITE_DATE, ACTIVE))), List.of("name"))) {
            byName.put(f.getString("name"), f.id());
        }
        if (!byName.containsKey(WRITE_DATE)) {
            throw new WebhookRulesException(source, "Odoo of source '" + source + "' lists no field "
                    + model + "." + WRITE_DATE + " in ir.model.fields");
        }
        Map<String, Long> sent = new LinkedHashMap<>();
        sent.put(WRITE_DATE, byName.get(WRITE_DATE));
        if (byName.containsKey(ACTIVE)) {
            sent.put(ACTIVE, byName.get(ACTIVE));
        }
        fieldIds.put(model, sent);
        return sent;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
