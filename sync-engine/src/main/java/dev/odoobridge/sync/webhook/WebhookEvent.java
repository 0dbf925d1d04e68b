package dev.odoobridge.sync.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored webhook post.
 *
 * @param id inbox id
 * @param source source the post was addressed to
 * @param model Odoo model ({@code _model})
 * @param recordId Odoo record id ({@code _id})
 * @param action what the post claims happened: {@code unlink}, {@code archive} or {@code create_or_write}; a hint only
 * @param receivedAt when it was stored
 * @param payload the body as stored (JSON text)
 * @param status processing status
 * @param attempts processing attempts so far
 * @param nextAttemptAt pending: not before; processing: when the claim expires
 * @param lastError reason of the last failed attempt, or null
 * @param processedAt when it was done, failed or ignored, or null
 */
public record WebhookEvent(long id, String source, String model, long recordId, String action, Instant receivedAt,
                           String payload, EventStatus status, int attempts, Instant nextAttemptAt, String lastError,
                           Instant processedAt) {
    public WebhookEvent {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(receivedAt, "receivedAt == null");
        Objects.requireNonNull(payload, "payload == null");
        Objects.requireNonNull(status, "status == null");
    }
}
