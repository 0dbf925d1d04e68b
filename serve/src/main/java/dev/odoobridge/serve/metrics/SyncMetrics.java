package dev.odoobridge.serve.metrics;

import dev.odoobridge.sync.ModelReport;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sync engine's and the webhook processor's events as meters. Thread-safe; never throws out of
 * a callback (the callers guard them too).
 */
final class SyncMetrics implements SyncListener {
    private record Key(String source, String model) {
    }

    /** When the newest sync of a (source, model) that ended OK started; the lag gauge's state. */
    private static final class LastSuccess {
        private volatile Instant startedAt;
    }

    private record Running(SyncMode mode, Instant startedAt) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Key, Running> running = new ConcurrentHashMap<>();
    private final Map<Key, LastSuccess> lastSuccess = new ConcurrentHashMap<>();

    SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void modelStarted(String source, String model, SyncMode mode) {
        running.put(new Key(source, model), new Running(mode, clock.instant()));
    }

    @Override
    public void modelFinished(ModelReport report) {
        Key key = new Key(report.source(), report.model());
        Running run = running.remove(key);
        if (report.outcome() == Outcome.SKIPPED) {
            Counter.builder("odoo.bridge.sync.skipped")
                    .description("Syncs of a (source, model) not run because another process held its lease")
                    .tags("source", report.source(), "model", report.model()).register(registry).increment();
            return;
        }
        String mode = run == null ? "unknown" : run.mode().name().toLowerCase(Locale.ROOT);
        Timer.builder("odoo.bridge.sync.duration")
                .description("Wall time of the sync of one (source, model), by mode and outcome")
                .tags("source", report.source(), "model", report.model(), "mode", mode,
                        "outcome", report.outcome().label())
                .serviceLevelObjectives(Buckets.SYNC)
                .register(registry).record(report.duration());
        counter("odoo.bridge.sync.records.read", "Records read from Odoo by the sync", key)
                .increment(report.counts().read());
        counter("odoo.bridge.sync.records.written", "Documents written to the read model by the sync", key)
                .increment(report.counts().written());
        counter("odoo.bridge.sync.records.deleted", "Documents deleted from the read model by the sync", key)
                .increment(report.counts().deleted());
        if (report.outcome() == Outcome.OK) {
            Instant startedAt = run == null ? clock.instant().minus(report.duration()) : run.startedAt();
            lastSuccess(key).startedAt = startedAt;
        }
    }

    @Override
    public void error(String source, String model, Throwable error) {
        failure(source, "sync", error);
    }

    @Override
    public void webhookApplied(String source, String model, List<Instant> receivedAt, Instant appliedAt) {
        Timer timer = Timer.builder("odoo.bridge.webhook.receive.to.apply")
                .description("Time from a webhook post's receipt (stored in the inbox) to its record applied to the read model")
                .tags("source", source, "model", model)
                .serviceLevelObjectives(Buckets.FAST)
                .register(registry);
        for (Instant received : receivedAt) {
            Duration latency = Duration.between(received, appliedAt);
            timer.record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    @Override
    public void webhookFailed(String source, String model, int events, Throwable error) {
        failure(source, "webhook", error);
    }

    @Override
    public void webhookDeferred(String source, String model, int events, String reason) {
        Counter.builder("odoo.bridge.webhook.deferred")
                .description("Webhook events whose change Odoo did not show within the commit window, left to the next sync run")
                .tags("source", source, "model", model).register(registry).increment(events);
    }

    private void failure(String source, String stage, Throwable error) {
        Counter.builder("odoo.bridge.failures")
                .description("Failures by stage (sync, webhook) and kind (from the exception type)")
                .tags("source", source, "stage", stage, "kind", FailureKind.of(error).label())
                .register(registry).increment();
    }

    private Counter counter(String name, String description, Key key) {
        return Counter.builder(name).description(description).tags("source", key.source(), "model", key.model())
                .register(registry);
    }

    private LastSuccess lastSuccess(Key key) {
        return lastSuccess.computeIfAbsent(key, k -> {
            LastSuccess state = new LastSuccess();
            Gauge.builder("odoo.bridge.sync.lag", state, this::lagSeconds)
                    .description("Seconds since the start of the newest sync of (source, model) that ended ok in this"
                            + " process: every change Odoo had committed by then is in the read model")
                    .tags("source", k.source(), "model", k.model())
                    .baseUnit("seconds")
                    .strongReference(true)
                    .register(registry);
            return state;
        });
    }

    private double lagSeconds(LastSuccess state) {
        Instant startedAt = state.startedAt;
        if (startedAt == null) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(startedAt, clock.instant()).toNanos() / 1e9);
    }
}
