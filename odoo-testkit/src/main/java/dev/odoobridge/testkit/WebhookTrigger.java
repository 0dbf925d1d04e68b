package dev.odoobridge.testkit;

import java.util.Set;

/** When a webhook rule fires, as base_automation's triggers. */
public enum WebhookTrigger {
    /** On creation. */
    CREATE(Set.of("create")),
    /** On update. */
    WRITE(Set.of("write")),
    /** On creation and on update (Odoo's {@code on_create_or_write}). */
    CREATE_OR_WRITE(Set.of("create", "write")),
    /** On deletion. */
    UNLINK(Set.of("unlink"));

    private final Set<String> actions;

    WebhookTrigger(Set<String> actions) {
        this.actions = actions;
    }

    /** Whether a change with this ORM action ({@code create}, {@code write}, {@code unlink}) fires the rule. */
    public boolean matches(String action) {
        return actions.contains(action);
    }
}
