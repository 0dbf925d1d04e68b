package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.meta.FieldDefinition;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.sync.webhook.RuleTrigger;
import dev.odoobridge.sync.webhook.WebhookRulesException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, with {@code fields_get} on the server itself, that it can hold webhook rules: {@code base.automation}
 * with the fields and trigger values used, {@code ir.actions.server} with state {@code webhook},
 * {@code webhook_url} and {@code webhook_field_ids} (Odoo 17, 18 and 19 all have them; older servers or a database
 * without the Automation Rules module do not).
 */
final class AutomationSchema {
    static final String RULE = "base.automation";
    static final String ACTION = "ir.actions.server";
    private static final List<String> ATTRIBUTES = List.of("type", "relation", "selection", "required");

    private AutomationSchema() {
    }

    /**
     * Checks the server.
     *
     * @throws WebhookRulesException naming what is missing
     */
    static void check(OdooClient odoo, String source) {
        ModelDefinition rule = fieldsGet(odoo, source, RULE);
        ModelDefinition action = fieldsGet(odoo, source, ACTION);
        require(source, rule, "name", "char");
        require(source, rule, "model_id", "many2one");
        require(source, rule, "active", "boolean");
        require(source, rule, "action_server_ids", "one2many");
        FieldDefinition trigger = require(source, rule, "trigger", "selection");
        for (RuleTrigger t : RuleTrigger.values()) {
            requireValue(source, RULE, trigger, t.odooName());
        }
        require(source, action, "name", "char");
        require(source, action, "model_id", "many2one");
        require(source, action, "webhook_url", "char");
        require(source, action, "webhook_field_ids", "many2many");
        requireValue(source, ACTION, require(source, action, "state", "selection"), "webhook");
    }

    private static ModelDefinition fieldsGet(OdooClient odoo, String source, String model) {
        try {
            return odoo.model(model).fieldsGet(ATTRIBUTES);
        } catch (UnknownModelException e) {
            throw new WebhookRulesException(source, "Odoo of source '" + source + "' has no model " + model
                    + ": install the Automation Rules module (base_automation) to receive webhooks");
        }
    }

    private static FieldDefinition require(String source, ModelDefinition model, String field, String type) {
        Optional<FieldDefinition> found = model.field(field);
        if (found.isEmpty() || !found.get().type().equals(type)) {
            throw new WebhookRulesException(source, "Odoo of source '" + source + "' has no " + type + " field "
                    + model.model() + "." + field + ": webhook rules need Odoo 17 or newer with base_automation");
        }
        return found.get();
    }

    private static void requireValue(String source, String model, FieldDefinition field, String value) {
        if (field.selection().stream().map(Map.Entry::getKey).noneMatch(value::equals)) {
            throw new WebhookRulesException(source, "Odoo of source '" + source + "' does not offer " + model + "."
                    + field.name() + " = '" + value + "' (it offers " + field.selection().stream()
                    .map(Map.Entry::getKey).toList() + "): webhook rules need Odoo 17 or newer");
        }
    }
}
