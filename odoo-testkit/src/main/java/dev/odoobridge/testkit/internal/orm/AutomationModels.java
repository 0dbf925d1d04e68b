package dev.odoobridge.testkit.internal.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code base.automation}, {@code ir.actions.server} and {@code ir.model.fields} do besides storing values,
 * as on a real server: only administrators may change them (with the recorded AccessError), a server action gets
 * the defaults Odoo gives it ({@code type}, {@code usage = 'base_automation'} when created from a rule's
 * {@code action_server_ids}, the rule's model), on 17.0 and 18.0 a rule's action is named after its type ("Send
 * Webhook Notification"), {@code model_name} follows {@code model_id}. Deleting a rule deletes its actions through
 * their {@code base_automation_id} ({@code ondelete='cascade'}, see {@link ForeignKeys}).
 */
final class AutomationModels {
    private static final String RULE = "base.automation";
    private static final String ACTION = "ir.actions.server";
    /** The models whose changes only an administrator may make. */
    private static final java.util.Set<String> MODELS = java.util.Set.of("ir.model.fields", RULE, ACTION);

    private AutomationModels() {
    }

    static boolean isAutomationModel(String model) {
        return MODELS.contains(model);
    }

    /**
     * Refuses changes by non-administrators with Odoo's message.
     *
     * @throws OrmFault ACCESS_ERROR for a non-admin user
     */
    static void checkAccess(Database db, ModelDef model, int uid, String operation) {
        if (!isAutomationModel(model.name()) || Rules.isAdmin(uid)) {
            return;
        }
        String verb = switch (operation) {
            case "create" -> "create";
            case "unlink" -> "delete";
            default -> "modify";
        };
        String group = db.release().major() >= 19 ? "Role / Administrator" : "Administration/Settings";
        throw new OrmFault(FaultKind.ACCESS_ERROR, "You are not allowed to " + verb + " '" + model.description()
                + "' (" + model.name() + ") records.\n\nThis operation is allowed for the following groups:\n\t- "
                + group + "\n\nContact your administrator to request access if necessary.");
    }

    /** The values a create really stores: {@code vals} with the defaults and computed values Odoo adds. */
    static Map<?, ?> beforeCreate(Records records, ModelDef model, Map<?, ?> vals) {
        if (!model.name().equals(RULE) && !model.name().equals(ACTION)) {
            return vals;
        }
        Map<Object, Object> out = new LinkedHashMap<>(vals);
        if (model.name().equals(ACTION)) {
            Object rule = out.get("base_automation_id");
            boolean fromRule = rule instanceof Number || rule instanceof List<?> l && !l.isEmpty();
            out.putIfAbsent("type", "ir.actions.server");
            if (fromRule) {
                out.putIfAbsent("usage", "base_automation");
                if (!out.containsKey("model_id")) {
                    Table rules = records.db().table(RULE);
                    int ruleId = WireValues.id(rule);
                    if (rules.exists(ruleId)) {
                        out.put("model_id", rules.value(ruleId, model(records, RULE, "model_id")));
                    }
                }
            }
            if (records.db().release().major() < 19 && "base_automation".equals(out.get("usage"))) {
                out.put("name", stateLabel(model, out.getOrDefault("state", "object_write")));
            }
        }
        syncModelName(records, model, out);
        return out;
    }

    /** The values a write really stores: {@code model_name} follows a written {@code model_id}. */
    static Map<?, ?> beforeWrite(Records records, ModelDef model, Map<?, ?> vals) {
        if (!model.name().equals(RULE) && !model.name().equals(ACTION) || !vals.containsKey("model_id")) {
            return vals;
        }
        Map<Object, Object> out = new LinkedHashMap<>(vals);
        syncModelName(records, model, out);
        return out;
    }

    /** The {@code ir.model.fields} values describing {@code field} of {@code model}. */
    static Map<String, Object> fieldValues(Database db, String model, long modelId, FieldDef field, String state) {
        ModelDef fields = db.model("ir.model.fields");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", field.name());
        values.put("model", model);
        values.put("model_id", modelId);
        values.put("field_description", field.string());
        values.put("ttype", field.type().wireName());
        values.put("state", state);
        putIfField(fields, values, "relation", field.relation());
        putIfField(fields, values, "relation_field", field.inverse());
        putIfField(fields, values, "required", field.required());
        putIfField(fields, values, "readonly", field.readonly());
        putIfField(fields, values, "store", field.store());
        putIfField(fields, values, "complete_name", model + "." + field.name());
        return values;
    }

    private static void putIfField(ModelDef fields, Map<String, Object> values, String name, Object value) {
        if (fields.field(name) != null && value != null) {
            values.put(name, value);
        }
    }

    private static void syncModelName(Records records, ModelDef model, Map<Object, Object> vals) {
        Object modelId = vals.get("model_id");
        if (model.field("model_name") == null || model.field("model_name").compute() != Compute.STORED
                || modelId == null || Boolean.FALSE.equals(modelId)) {
            return;
        }
        Table models = records.db().table("ir.model");
        int id = WireValues.id(modelId);
        if (models.exists(id)) {
            vals.put("model_name", models.value(id, records.db().model("ir.model").field("model")));
        }
    }

    private static String stateLabel(ModelDef action, Object state) {
        for (List<String> pair : action.field("state").selection()) {
            if (pair.get(0).equals(state)) {
                return pair.get(1);
            }
        }
        return String.valueOf(state);
    }

    private static FieldDef model(Records records, String model, String field) {
        return records.db().model(model).field(field);
    }
}
