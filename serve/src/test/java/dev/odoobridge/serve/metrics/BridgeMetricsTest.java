package dev.odoobridge.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import dev.odoobridge.sync.state.RunCounts;
import dev.odoobridge.sync.state.StateStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listeners' events as scraped meters, on a clock the test moves. */
class BridgeMetricsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void lagCountsFromTheStartOfTheNewestOkSync() {
        MovableClock clock = new MovableClock();
        BridgeMetrics metrics = BridgeMetrics.builder().clock(clock).build();
        SyncListener listener = metrics.syncListener();
        assertThat(PrometheusText.parse(metrics.scrape()).samples("odoo_bridge_sync_lag_seconds")).isEmpty();

        listener.modelStarted("shop", "res.partner", SyncMode.INCREMENTAL);
        clock.now = T0.plusSeconds(4);
        listener.modelFinished(new ModelReport("shop", "res.partner", new RunCounts(10, 9, 1, 2, 3),
                Duration.ofSeconds(4), Outcome.OK, null));
        clock.now = T0.plusSeconds(30);
        PrometheusText text = PrometheusText.parse(metrics.scrape());
        assertThat(text.value("odoo_bridge_sync_lag_seconds", "source", "shop", "model", "res.partner")).contains(30.0);
        assertThat(text.value("odoo_bridge_sync_records_read_total", "source", "shop", "model", "res.partner")).contains(10.0);
        assertThat(text.value("odoo_bridge_sync_records_written_total", "source", "shop", "model", "res.partner")).contains(9.0);
        assertThat(text.value("odoo_bridge_sync_records_deleted_total", "source", "shop", "model", "res.partner")).contains(2.0);
        assertThat(text.value("odoo_bridge_sync_duration_seconds_sum", "source", "shop", "model", "res.partner",
                "mode", "incremental", "outcome", "ok")).contains(4.0);
        assertThat(text.valueWith("odoo_bridge_sync_duration_seconds_bucket", "mode", "incremental", "le", "2.5"))
                .contains(0.0);
        assertThat(text.valueWith("odoo_bridge_sync_duration_seconds_bucket", "mode", "incremental", "le", "5.0"))
                .contains(1.0);

        // a failed run does not move the lag; a later ok run does
        clock.now = T0.plusSeconds(60);
        listener.modelStarted("shop", "res.partner", SyncMode.FULL);
        listener.error("shop", "res.partner", new IllegalStateException("wrapped", new StateStoreException("down", null)));
        listener.modelFinished(new ModelReport("shop", "res.partner", RunCounts.ZERO, Duration.ofSeconds(1),
                Outcome.FAILED, "down"));
        clock.now = T0.plusSeconds(100);
        text = PrometheusText.parse(metrics.scrape());
        assertThat(text.value("odoo_bridge_sync_lag_seconds", "source", "shop", "model", "res.partner")).contains(100.0);
        assertThat(text.value("odoo_bridge_failures_total", "source", "shop", "stage", "sync", "kind", "state_store"))
                .contains(1.0);
        assertThat(text.value("odoo_bridge_sync_duration_seconds_count", "source", "shop", "model", "res.partner",
                "mode", "full", "outcome", "failed")).contains(1.0);

        listener.modelStarted("shop", "res.partner", SyncMode.INCREMENTAL);
        clock.now = T0.plusSeconds(101);
        listener.modelFinished(new ModelReport("shop", "res.partner", RunCounts.ZERO, Duration.ofSeconds(1), Outcome.OK, null));
        clock.now = T0.plusSeconds(110);
        text = PrometheusText.parse(metrics.scrape());
        assertThat(text.value("odoo_bridge_sync_lag_seconds", "source", "shop", "model", "res.partner")).contains(10.0);
    }

    @Test
    void skippedRunsAreCountedNotTimed() {
        BridgeMetrics metrics = BridgeMetrics.builder().build();
        metrics.syncListener().modelFinished(new ModelReport("shop", "stock.quant", RunCounts.ZERO, Duration.ZERO,
                Outcome.SKIPPED, "leased by other"));
        PrometheusText text = PrometheusText.parse(metrics.scrape());
        assertThat(text.value("odoo_bridge_sync_skipped_total", "source", "shop", "model", "stock.quant")).contains(1.0);
        assertThat(text.samples("odoo_bridge_sync_duration_seconds_count")).isEmpty();
    }

    @Test
    void webhookLatencyFallsInItsBuckets() {
        BridgeMetrics metrics = BridgeMetrics.builder().build();
        metrics.syncListener().webhookApplied("shop", "res.partner",
                List.of(T0, T0.plusMillis(990), T0.plusMillis(997)), T0.plusSeconds(1));
        metrics.syncListener().webhookFailed("shop", "res.partner", 2, new ReadModelException("write refused"));
        PrometheusText text = PrometheusText.parse(metrics.scrape());
        String name = "odoo_bridge_webhook_receive_to_apply_seconds";
        assertThat(text.value(name + "_count", "source", "shop", "model", "res.partner")).contains(3.0);
        assertThat(text.valueWith(name + "_bucket", "le", "0.005")).contains(1.0);
        assertThat(text.valueWith(name + "_bucket", "le", "0.01")).contains(2.0);
        assertThat(text.valueWith(name + "_bucket", "le", "1.0")).contains(3.0);
        assertThat(text.value("odoo_bridge_failures_total", "source", "shop", "stage", "webhook", "kind", "read_model"))
                .contains(1.0);
    }

    @Test
    void failureKindsLookThroughCauses() {
        assertThat(FailureKind.of(new RuntimeException("step", new OdooTransportException(OdooTransportException.Kind.CONNECTION_RESET, 0, "reset", null))))
                .isEqualTo(FailureKind.ODOO_TRANSPORT);
        assertThat(FailureKind.of(new IllegalStateException("plain"))).isEqualTo(FailureKind.OTHER);
        assertThat(FailureKind.ODOO_UNKNOWN_MODEL_OR_METHOD.label()).isEqualTo("odoo_unknown_model_or_method");
    }
}
