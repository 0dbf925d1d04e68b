package dev.odoobridge.serve.metrics;

import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.spi.OdooClientListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Odoo call latency per (transport, method, outcome), each attempt timed on its own (a retried read
 * shows as a failed attempt, then another). The model is left out of the labels to keep them few.
 */
final class OdooCallMetrics implements OdooClientListener {
    private final MeterRegistry registry;

    OdooCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestSucceeded(CallInfo call, Duration elapsed) {
        timer(call, "ok").record(elapsed);
    }

    @Override
    public void requestFailed(CallInfo call, Duration elapsed, OdooException failure, boolean willRetry) {
        timer(call, "error").record(elapsed);
    }

    private Timer timer(CallInfo call, String outcome) {
        return Timer.builder("odoo.bridge.odoo.call.duration")
                .description("Latency of one Odoo call attempt, by transport, method and outcome")
                .tags("transport", call.transport(), "method", call.method(), "outcome", outcome)
                .serviceLevelObjectives(Buckets.FAST)
                .register(registry);
    }
}
