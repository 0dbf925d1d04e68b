package dev.odoobridge.sync.webhook;

/** What {@link WebhookRules#status()} found for one model and trigger. */
public enum RuleState {
    /** Our rule exists, is enabled, posts to our URL and sends the fields the receiver needs. */
    OK(false),
    /** No rule of ours for this model and trigger. */
    MISSING(true),
    /** Our rule exists but is archived ({@code active = false}): Odoo does not run it. */
    DISABLED(true),
    /** Our rule posts to a different URL (another host or path, or another token). */
    ELSEWHERE(true),
    /** Our rule posts to our URL but its action sends other fields, or it has no or several webhook actions. */
    OUTDATED(true),
    /** A rule of ours that is not wanted (a model no longer synced, a trigger changed by hand, a duplicate). */
    UNWANTED(true);

    private final boolean problem;

    RuleState(boolean problem) {
        this.problem = problem;
    }

    /** Whether this state needs {@code webhook install} (or, for {@link #UNWANTED}, is removed by it). */
    public boolean isProblem() {
        return problem;
    }
}
