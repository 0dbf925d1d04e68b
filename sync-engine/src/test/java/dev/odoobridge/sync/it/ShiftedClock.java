package dev.odoobridge.sync.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system UTC clock shifted by an offset that a test can move forward, e.g. to give FakeOdoo a past. */
final class ShiftedClock extends Clock {
    private volatile Duration offset;

    ShiftedClock(Duration offset) {
        this.offset = offset;
    }

    /** Moves this clock by {@code by}. */
    void shift(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a shifted clock is always UTC");
    }
}
