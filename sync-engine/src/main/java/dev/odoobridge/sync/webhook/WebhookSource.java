package dev.odoobridge.sync.webhook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A source the receiver accepts posts for, at {@code /webhook/<name>/<token>}.
 *
 * @param name source name (letters, digits, {@code . _ -})
 * @param token secret token in the URL path (Odoo's only authentication); at least 16 characters
 * @param signingSecret Standard Webhooks signing secret ({@code whsec_<base64>}, or any other
 *        string used as UTF-8 bytes); when set, every post must carry a valid signature. Null for
 *        Odoo, which does not sign.
 */
public record WebhookSource(String name, String token, String signingSecret) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,256}");

    public WebhookSource {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(token, "token == null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Source name '" + name
                    + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("The token of source '" + name
                    + "' must be 16-256 URL-safe characters (letters, digits, . _ ~ -); use a random one");
        }
        if (signingSecret != null && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("The signing secret of source '" + name + "' is empty; use null for none");
        }
    }

    /** A source authenticated by its URL token only (as Odoo posts). */
    public static WebhookSource of(String name, String token) {
        return new WebhookSource(name, token, null);
    }

    @Override
    public String toString() {
        return "WebhookSource{name=" + name + ", token=***, signed=" + (signingSecret != null) + "}";
    }
}
