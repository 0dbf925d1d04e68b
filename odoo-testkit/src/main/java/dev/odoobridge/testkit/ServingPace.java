package dev.odoobridge.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How fast FakeOdoo serves ORM calls, to stand in for a real Odoo in benchmarks. FakeOdoo itself
 * answers a page of records many times faster than Odoo (an in-memory store, no Python), so a sync
 * measured against it compares the sync with an Odoo that hardly exists. With a pace, every ORM call
 * takes at least {@code perCall + records × perRecord} (the call's own work counts towards it; the rest
 * is slept, so it costs no CPU, like an Odoo on another machine), and at most {@code workers} calls run
 * at once (Odoo's worker processes); further calls wait their turn. {@code records} is the length of a
 * list result ({@code search_read}, {@code read}, {@code search}), else 1. Authentication and
 * {@code /web/version} are not paced.
 *
 * @param perCall fixed cost of one call
 * @param perRecord added cost per record returned
 * @param workers calls served at once (at least 1)
 */
public record ServingPace(Duration perCall, Duration perRecord, int workers) {
    /** No pace: FakeOdoo's own speed, as many calls at once as it has HTTP threads. */
    public static final ServingPace NONE = new ServingPace(Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE);

    public ServingPace {
        Objects.requireNonNull(perCall, "perCall == null");
        Objects.requireNonNull(perRecord, "perRecord == null");
        if (perCall.isNegative() || perRecord.isNegative()) {
            throw new IllegalArgumentException("costs must not be negative: " + perCall + ", " + perRecord);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /**
     * The pace of the Odoo 19.0 server the recordings come from (2 cores), solved from its measured
     * JSON-2 reads of 5,047 products: one call 0.34-0.38 s, pages of 500 0.49-0.55 s, so about 15 ms
     * per call and 68 µs per record (those reads included the computed {@code qty_available}; plain
     * stored fields are cheaper), with the given number of workers.
     */
    public static ServingPace odoo19Measured(int workers) {
        return new ServingPace(Duration.ofMillis(15), Duration.ofNanos(68_000), workers);
    }

    /**
     * Parses {@code none}, {@code odoo19} (the measured pace) or {@code CALL_MS,RECORD_US}, e.g.
     * {@code 15,68}, with the given workers.
     *
     * @throws IllegalArgumentException with what was expected
     */
    public static ServingPace parse(String text, int workers) {
        Objects.requireNonNull(text, "text == null");
        String t = text.trim();
        if (t.equals("none")) {
            return NONE;
        }
        if (t.equals("odoo19")) {
            return odoo19Measured(workers);
        }
        String[] parts = t.split(",", -1);
        try {
            if (parts.length == 2) {
                double callMs = Double.parseDouble(parts[0].trim());
                double recordUs = Double.parseDouble(parts[1].trim());
                if (callMs >= 0 && recordUs >= 0 && callMs < 3_600_000 && recordUs < 3_600_000_000.0) {
                    return new ServingPace(Duration.ofNanos(Math.round(callMs * 1e6)),
                            Duration.ofNanos(Math.round(recordUs * 1e3)), workers);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("pace must be none, odoo19 or CALL_MS,RECORD_US (e.g. 15,68), got '" + text + "'");
    }

    /** True when this pace changes nothing. */
    public boolean isNone() {
        return perCall.isZero() && perRecord.isZero() && workers == Integer.MAX_VALUE;
    }

    /** For people: e.g. {@code 15.0 ms per call + 68 µs per record, 2 at once}, or {@code none}. */
    public String describe() {
        if (isNone()) {
            return "none";
        }
        return String.format(Locale.ROOT, "%.1f ms per call + %.0f µs per record, %d at once",
                perCall.toNanos() / 1e6, perRecord.toNanos() / 1e3, workers);
    }

    /** The least time a call returning {@code records} records takes. */
    public Duration cost(int records) {
        return perCall.plus(perRecord.multipliedBy(Math.max(0, records)));
    }
}
