package dev.odoobridge.testkit.internal.orm;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One POST a "Send Webhook Notification" server action makes.
 *
 * @param url the action's {@code webhook_url}
 * @param body the values sent, keys sorted as Odoo's {@code json.dumps(vals, sort_keys=True, default=str)}
 */
public record WebhookPost(URI url, Map<String, Object> body) {
    public WebhookPost {
        Objects.requireNonNull(url, "url == null");
        body = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(body, "body == null")));
    }
}
