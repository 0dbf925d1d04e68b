package dev.odoobridge.sync.webhook;

/**
 * The server cannot hold odoo-bridge's webhook rules: automation rules are not installed, a field or selection
 * value they need is absent, or a synced model is unknown. Odoo's own refusals (an {@code AccessError} for a user
 * who may not change automation rules) arrive as the client's {@code OdooException}s instead.
 */
public final class WebhookRulesException extends RuntimeException {
    private final String source;

    /** A failure for {@code source}. */
    public WebhookRulesException(String source, String message) {
        super(message);
        this.source = source;
    }

    /** The source whose server could not take the rules. */
    public String source() {
        return source;
    }
}
