package dev.odoobridge.sync.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer a post: a status, extra headers ({@code Allow} on 405, {@code Connection: close} on
 * 413) and a JSON body ({@code {"status":"accepted","event":<id>}} or {@code {"error":"<reason>"}}).
 *
 * @param status HTTP status
 * @param headers extra response headers
 * @param body JSON body, UTF-8
 */
public record WebhookAnswer(int status, Map<String, String> headers, byte[] body) {
    /** The content type of every answer. */
    public static final String CONTENT_TYPE = "application/json";

    public WebhookAnswer {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers == null"));
        Objects.requireNonNull(body, "body == null");
    }

    /** True for 2xx: the post is stored. */
    public boolean accepted() {
        return status / 100 == 2;
    }

    @Override
    public String toString() {
        return "WebhookAnswer{" + status + ", " + new String(body, StandardCharsets.UTF_8) + "}";
    }
}
