package dev.odoobridge.sync.webhook;

/**
 * The automation-rule triggers odoo-bridge installs for each synced model. An archive or unarchive is a write
 * (a real Odoo posts it through the {@code on_create_or_write} rule with {@code "active": false}), so no
 * separate {@code on_archive} rule is needed: it would only duplicate that post.
 */
public enum RuleTrigger {
    /** {@code on_create_or_write}: a record was created or written (archiving included). */
    CREATE_OR_WRITE("on_create_or_write"),
    /** {@code on_unlink}: a record is about to be deleted. */
    UNLINK("on_unlink");

    private final String odooName;

    RuleTrigger(String odooName) {
        this.odooName = odooName;
    }

    /** The value of {@code base.automation.trigger}, the same on Odoo 17, 18 and 19. */
    public String odooName() {
        return odooName;
    }
}
