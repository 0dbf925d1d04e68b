package dev.odoobridge.testkit.internal.data;

import java.util.SplittableRandom;

/**
 * The run's clock: history covers the {@code days} whole days before the day of {@code now};
 * master data is created on the day before the history starts.
 *
 * @param nowSecond epoch second of "now"
 * @param firstDay epoch day of the first day of sales history
 * @param days number of history days (the last one is the day before "now")
 * @param massUpdates whether edits come as monthly mass updates (all edits of a month in one second)
 */
record Timeline(long nowSecond, long firstDay, int days, boolean massUpdates) {

    private static final int MASS_UPDATE_EVERY_DAYS = 30;

    static Timeline of(long nowSecond, int days, boolean massUpdates) {
        long today = Math.floorDiv(nowSecond, WireTime.DAY);
        return new Timeline(nowSecond, today - days, days, massUpdates);
    }

    /** Epoch second at which master data starts being created: 06:00 UTC the day before history. */
    long setupSecond() {
        return (firstDay - 1) * WireTime.DAY + 6 * 3600L;
    }

    /** Epoch second of the start (00:00 UTC) of history day {@code day} (0-based). */
    long dayStart(int day) {
        return (firstDay + day) * WireTime.DAY;
    }

    /**
     * A write date for a record created at {@code created}: most records were never edited, a
     * share of them later at some time before "now" (with mass updates: at 02:00:00 of the first
     * history day of a month of history after the creation).
     */
    long writeAfter(long created, double editedShare, SplittableRandom random) {
        if (created >= nowSecond || random.nextDouble() >= editedShare) {
            return created;
        }
        if (massUpdates) {
            long update = dayStart(MASS_UPDATE_EVERY_DAYS * random.nextInt(Math.max(1, days / MASS_UPDATE_EVERY_DAYS)))
                    + 2 * 3600L;
            if (update > created && update < nowSecond) {
                return update;
            }
        }
        return created + 1 + random.nextLong(nowSecond - created);
    }

    /**
     * When a record created at {@code created} gets its one later edit (an archive, say): with mass
     * updates, the last mass update after its creation; otherwise {@code preferred}.
     */
    long editAt(long created, long preferred) {
        if (massUpdates) {
            for (int k = Math.max(1, days / MASS_UPDATE_EVERY_DAYS) - 1; k >= 0; k--) {
                long update = dayStart(MASS_UPDATE_EVERY_DAYS * k) + 2 * 3600L;
                if (update > created && update < nowSecond) {
                    return update;
                }
            }
        }
        return preferred;
    }
}
