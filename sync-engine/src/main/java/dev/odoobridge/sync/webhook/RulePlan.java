package dev.odoobridge.sync.webhook;

import java.util.List;
import java.util.Objects;

/**
 * What {@link WebhookRules#apply} would do for one source; computed by {@link WebhookRules#planInstall()} or
 * {@link WebhookRules#planUninstall()} from the rules found in Odoo.
 *
 * @param source the source name
 * @param odooVersion the server version the plan was computed on, e.g. {@code 18.0}
 * @param changes the changes, deletions first
 */
public record RulePlan(String source, String odooVersion, List<RuleChange> changes) {
    public RulePlan {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(odooVersion, "odooVersion == null");
        changes = List.copyOf(changes);
    }

    /** Whether nothing needs to change. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
