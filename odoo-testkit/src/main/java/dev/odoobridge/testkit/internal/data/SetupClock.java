package dev.odoobridge.testkit.internal.data;

/**
 * Creation times of master and catalog records: the bulk import the day before history starts,
 * several records per second (so sync code meets many records sharing one write_date second),
 * finishing within about eleven hours whatever the catalogue size; or, given a batch, exactly
 * that many records per second, as an import in transactions of that size leaves them.
 */
final class SetupClock {

    private static final long SPAN_SECONDS = 40_000;

    private final long start;
    private final long perSecond;
    private long issued;

    SetupClock(long start, long expectedRecords, int batch) {
        this.start = start;
        this.perSecond = batch > 0 ? batch : Math.max(8, expectedRecords / SPAN_SECONDS + 1);
    }

    /** The creation second of the next record. */
    long next() {
        return start + issued++ / perSecond;
    }
}
