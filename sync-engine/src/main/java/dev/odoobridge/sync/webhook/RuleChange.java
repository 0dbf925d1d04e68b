package dev.odoobridge.sync.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One change of a {@link RulePlan}. URLs in it have the token masked, so a plan can be printed.
 *
 * @param kind create, update or delete
 * @param model the Odoo model
 * @param trigger the {@code base.automation.trigger} value
 * @param ruleId the {@code base.automation} id (0 for a create)
 * @param actionIds the rule's {@code ir.actions.server} ids: for an update the webhook action kept first, then
 *                  the surplus ones to delete; for a delete all of them
 * @param fixes what an update repairs (empty otherwise)
 * @param url the URL the rule will post to (masked), or for a delete the one it posted to
 */
public record RuleChange(Kind kind, String model, String trigger, long ruleId, List<Long> actionIds, Set<Fix> fixes,
                         String url) {
    public RuleChange {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(trigger, "trigger == null");
        Objects.requireNonNull(url, "url == null");
        actionIds = List.copyOf(actionIds);
        fixes = Set.copyOf(fixes);
        if (kind == Kind.UPDATE && fixes.isEmpty()) {
            throw new IllegalArgumentException("an update must fix something");
        }
    }

    /** What a change does. */
    public enum Kind {
        /** Create the rule with its webhook action. */
        CREATE,
        /** Repair an existing rule of ours. */
        UPDATE,
        /** Delete a rule of ours and its actions. */
        DELETE
    }

    /** What an update repairs. */
    public enum Fix {
        /** Re-enable an archived rule. */
        ENABLE,
        /** Point the webhook action at our URL again. */
        URL,
        /** Send the fields the receiver needs. */
        FIELDS,
        /** Add the missing webhook action. */
        ADD_ACTION,
        /** Delete surplus webhook actions (each would post again). */
        EXTRA_ACTIONS,
        /**
         * Name the webhook action like its rule: Odoo sends the action's name in {@code _action}, from which the
         * receiver tells a deletion from a write (17.0 and 18.0 name a new rule's action "Send Webhook
         * Notification" whatever name it was given).
         */
        ACTION_NAME
    }

    /** One line for a terminal, e.g. {@code create  product.product on_unlink -> https://…/webhook/shop/abcd****ef}. */
    public String describe() {
        String what = switch (kind) {
            case CREATE -> "create";
            case UPDATE -> "repair";
            case DELETE -> "delete";
        };
        String rule = ruleId == 0 ? "" : " (rule #" + ruleId + ")";
        String fixed = fixes.isEmpty() ? "" : " " + fixes.stream().map(f -> f.name().toLowerCase().replace('_', ' '))
                .sorted().toList();
        return String.format("%-7s %s %s%s%s -> %s", what, model, trigger, rule, fixed, url);
    }
}
