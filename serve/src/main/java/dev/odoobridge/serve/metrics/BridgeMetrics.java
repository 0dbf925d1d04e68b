package dev.odoobridge.serve.metrics;

import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.webhook.WebhookInbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;

/**
 * The Prometheus metrics of one process. It owns a {@link PrometheusMeterRegistry}; the listeners it
 * hands out feed it and {@link #handler()} serves it. Wire it once at startup:
 * <pre>{@code
 * BridgeMetrics metrics = BridgeMetrics.builder().inbox(WebhookInbox.of(state)).build();
 * OdooConfig config = base.toBuilder().listener(metrics.odooClientListener()).build(); // every Odoo client
 * SyncEngine.builder()...listener(metrics.syncListener())                               // the sync engine
 * WebhookProcessor.builder(...)...listener(metrics.syncListener())                      // the webhook processor
 * server.mount("/metrics", metrics.handler());                                          // GET /metrics
 * }</pre>
 *
 * <p>Meters (Prometheus names; durations in seconds, histograms with fixed buckets):
 * <ul>
 *   <li>{@code odoo_bridge_sync_lag_seconds{source,model}}: seconds since the start of the newest sync of
 *       (source, model) that ended ok in this process; every change Odoo had committed by that start is in the
 *       read model (less the overlap window's long transactions). Absent until the first such sync.</li>
 *   <li>{@code odoo_bridge_sync_records_read_total}, {@code _written_total}, {@code _deleted_total}
 *       {@code {source,model}}: records read from Odoo, documents written and deleted by sync runs (counted when
 *       the run of the model ends).</li>
 *   <li>{@code odoo_bridge_sync_duration_seconds{source,model,mode,outcome}}: sync run time of one model.</li>
 *   <li>{@code odoo_bridge_sync_skipped_total{source,model}}: runs skipped because another process held the
 *       lease.</li>
 *   <li>{@code odoo_bridge_failures_total{source,stage,kind}}: failures of the sync ({@code stage="sync"}) and of
 *       webhook processing attempts ({@code "webhook"}), by {@link FailureKind}.</li>
 *   <li>{@code odoo_bridge_webhook_inbox_events{status}}: inbox events per status, from PostgreSQL, cached.</li>
 *   <li>{@code odoo_bridge_webhook_receive_to_apply_seconds{source,model}}: from a post's receipt to its record
 *       applied to the read model.</li>
 *   <li>{@code odoo_bridge_webhook_deferred_total{source,model}}: events left to the next sync run.</li>
 *   <li>{@code odoo_bridge_odoo_call_duration_seconds{transport,method,outcome}}: each Odoo call attempt.</li>
 * </ul>
 * Thread-safe.
 */
public final class BridgeMetrics {
    private final PrometheusMeterRegistry registry;
    private final SyncMetrics sync;
    private final OdooCallMetrics odoo;
    private final MetricsHandler handler;

    private BridgeMetrics(Builder b) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.sync = new SyncMetrics(registry, b.clock);
        this.odoo = new OdooCallMetrics(registry);
        this.handler = new MetricsHandler(registry);
        if (b.inbox != null) {
            new InboxDepth(b.inbox, b.inboxCacheTtl, System::nanoTime).bindTo(registry);
        }
    }

    /** A builder; every setting is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** The listener to give the {@code SyncEngine} and the {@code WebhookProcessor}; never throws. */
    public SyncListener syncListener() {
        return sync;
    }

    /** The listener to put in every Odoo client's config ({@code OdooConfig.Builder.listener}); never throws. */
    public OdooClientListener odooClientListener() {
        return odoo;
    }

    /** A Jetty handler answering {@code GET /metrics} (or the root of the context it is mounted on). */
    public Handler handler() {
        return handler;
    }

    /** The registry, for the process's own meters (JVM, HTTP server). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The current metrics in the Prometheus text format, as {@link #handler()} serves them. */
    public String scrape() {
        return registry.scrape();
    }

    /** Settings of a {@link BridgeMetrics}. */
    public static final class Builder {
        private WebhookInbox inbox;
        private Duration inboxCacheTtl = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The inbox whose depth by status is published; without it there is no inbox gauge. */
        public Builder inbox(WebhookInbox webhookInbox) {
            this.inbox = Objects.requireNonNull(webhookInbox, "webhookInbox == null");
            return this;
        }

        /** How long the inbox counts are reused between scrapes, default 5 seconds; zero queries on every scrape. */
        public Builder inboxCacheTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl == null");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("inboxCacheTtl must not be negative, was " + ttl);
            }
            this.inboxCacheTtl = ttl;
            return this;
        }

        /** Clock of the sync lag (tests). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock == null");
            return this;
        }

        /** Builds the metrics. */
        public BridgeMetrics build() {
            return new BridgeMetrics(this);
        }
    }
}
