package dev.odoobridge.serve.metrics;

import java.time.Duration;

/** Histogram bucket bounds, in the spirit of the Prometheus client's defaults, per kind of duration. */
final class Buckets {
    private Buckets() {
    }

    /** A webhook post to the read model (the goal is a p99 under 50 ms) and a single Odoo call. */
    static final Duration[] FAST = millis(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000,
            60_000);

    /** A sync of one model: from an idle incremental run to a full read of a million records. */
    static final Duration[] SYNC = millis(10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000,
            900_000, 3_600_000);

    private static Duration[] millis(double... values) {
        Duration[] bounds = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            bounds[i] = Duration.ofNanos(Math.round(values[i] * 1_000_000));
        }
        return bounds;
    }
}
