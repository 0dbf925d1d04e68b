package dev.odoobridge.sync.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A manually advanced clock with microsecond resolution, shared by the fake Odoo and the engine. Thread-safe. */
public final class FakeClock extends Clock {
    private Instant now;

    /** Starts at {@code start}. */
    public FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    /** Moves time forward. */
    public synchronized Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }

    /** Moves time forward by some microseconds. */
    public synchronized Instant tick(long micros) {
        now = now.plusNanos(micros * 1000);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("FakeClock is UTC only");
    }
}
