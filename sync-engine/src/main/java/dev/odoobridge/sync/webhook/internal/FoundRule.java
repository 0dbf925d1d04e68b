package dev.odoobridge.sync.webhook.internal;

import java.util.List;
import java.util.Objects;

/**
 * A {@code base.automation} record as read from Odoo, with its server actions.
 *
 * @param id the rule id
 * @param name the rule name
 * @param model the technical name of its model ({@code model_name})
 * @param trigger its trigger value
 * @param active false when archived (Odoo does not run it)
 * @param actions its {@code action_server_ids}, in id order
 */
public record FoundRule(long id, String name, String model, String trigger, boolean active, List<FoundAction> actions) {
    public FoundRule {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(trigger, "trigger == null");
        actions = List.copyOf(actions);
    }

    /** The actions of state {@code webhook}. */
    public List<FoundAction> webhooks() {
        return actions.stream().filter(FoundAction::isWebhook).toList();
    }

    /**
     * An {@code ir.actions.server} record of a rule.
     *
     * @param id the action id
     * @param name its name (Odoo puts it in each post's {@code _action})
     * @param state its {@code state} ({@code webhook} for "Send Webhook Notification")
     * @param url its {@code webhook_url}, empty when unset
     * @param fields the names of its {@code webhook_field_ids}
     */
    public record FoundAction(long id, String name, String state, String url, List<String> fields) {
        public FoundAction {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(state, "state == null");
            Objects.requireNonNull(url, "url == null");
            fields = List.copyOf(fields);
        }

        /** Whether this action posts a webhook. */
        public boolean isWebhook() {
            return state.equals("webhook");
        }
    }
}
