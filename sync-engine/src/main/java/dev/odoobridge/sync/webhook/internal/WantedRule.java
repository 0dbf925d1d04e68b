package dev.odoobridge.sync.webhook.internal;

import java.util.List;
import java.util.Objects;

/**
 * A rule odoo-bridge wants in Odoo.
 *
 * @param model the Odoo model
 * @param trigger the trigger value
 * @param url the full receiver URL (with the token)
 * @param fields the fields its webhook action sends
 */
public record WantedRule(String model, String trigger, String url, List<String> fields) {
    public WantedRule {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(trigger, "trigger == null");
        Objects.requireNonNull(url, "url == null");
        fields = List.copyOf(fields);
    }

    /** The rule's name, which marks it as odoo-bridge's. */
    public String name() {
        return RuleMarker.name(model, trigger);
    }
}
