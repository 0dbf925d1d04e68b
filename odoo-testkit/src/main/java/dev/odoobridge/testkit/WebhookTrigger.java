package dev.odoobridge.testkit;

import java.util.Locale;
import java.util.Set;

/** When a webhook rule fires: the {@code trigger} of a {@code base.automation} rule. */
public enum WebhookTrigger {
    /** On creation ({@code on_create}). */
    CREATE(Set.of("create")),
    /** On update ({@code on_write}). */
    WRITE(Set.of("write")),
    /** On creation and on update ({@code on_create_or_write}); an archive is an update too. */
    CREATE_OR_WRITE(Set.of("create", "write")),
    /** On deletion ({@code on_unlink}). */
    UNLINK(Set.of("unlink")),
    /** When {@code active} goes from true to false ({@code on_archive}). */
    ARCHIVE(Set.of("write")),
    /** When {@code active} goes from false to true ({@code on_unarchive}). */
    UNARCHIVE(Set.of("write"));

    private final Set<String> actions;

    WebhookTrigger(Set<String> actions) {
        this.actions = actions;
    }

    /**
     * Whether a change with this ORM action ({@code create}, {@code write}, {@code unlink}) can fire the rule
     * (archive and unarchive fire only on writes that change {@code active}).
     */
    public boolean matches(String action) {
        return actions.contains(action);
    }

    /** The value of {@code base.automation.trigger}, e.g. {@code on_create_or_write}. */
    public String odooName() {
        return "on_" + name().toLowerCase(Locale.ROOT);
    }
}
