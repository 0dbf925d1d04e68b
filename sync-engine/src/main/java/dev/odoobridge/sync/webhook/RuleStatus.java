package dev.odoobridge.sync.webhook;

import java.util.List;
import java.util.Objects;

/**
 * The state of one rule of a source.
 *
 * @param model the Odoo model
 * @param trigger the {@code base.automation.trigger} value
 * @param state what was found
 * @param ruleId the {@code base.automation} id, or 0 when missing
 * @param url the URL the rule posts to with the token masked, or empty when missing
 * @param details each problem found, in words (empty when {@link RuleState#OK})
 */
public record RuleStatus(String model, String trigger, RuleState state, long ruleId, String url, List<String> details) {
    public RuleStatus {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(trigger, "trigger == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(url, "url == null");
        details = List.copyOf(details);
    }
}
