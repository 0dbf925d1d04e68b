package dev.odoobridge.serve.metrics;

import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.WebhookInbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook inbox's event counts by status as gauges. The counts come from one aggregate query,
 * kept for {@code ttl} so a scrape (which reads every status) queries PostgreSQL at most once per
 * period; when the query fails the gauges read NaN until it works again.
 */
final class InboxDepth {
    private static final Logger LOG = LoggerFactory.getLogger(InboxDepth.class);

    private final WebhookInbox inbox;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private Map<EventStatus, Long> counts;
    private long readAt;
    private boolean failing;

    InboxDepth(WebhookInbox inbox, Duration ttl, LongSupplier nanoTime) {
        this.inbox = inbox;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Registers one gauge per status. */
    void bindTo(MeterRegistry registry) {
        for (EventStatus status : EventStatus.values()) {
            Gauge.builder("odoo.bridge.webhook.inbox.events", this, depth -> depth.count(status))
                    .description("Webhook events in the inbox by status (read from PostgreSQL, cached a few seconds)")
                    .tags("status", status.dbValue())
                    .strongReference(true)
                    .register(registry);
        }
    }

    private synchronized double count(EventStatus status) {
        long now = nanoTime.getAsLong();
        if (counts == null || now - readAt >= ttlNanos) {
            try {
                counts = inbox.countByStatus();
                failing = false;
            } catch (RuntimeException e) {
                counts = null;
                if (!failing) {
                    LOG.warn("Could not count the webhook inbox's events for the metrics: {}", e.getMessage());
                }
                failing = true;
            }
            readAt = now;
        }
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }
}
