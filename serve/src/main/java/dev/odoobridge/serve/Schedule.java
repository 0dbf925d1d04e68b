package dev.odoobridge.serve;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When {@link Serve} syncs on its own: an incremental run of every source and model every
 * {@code incrementalEvery}, and a reconciling run (deletions found by id ranges) followed by a
 * verification of every (source, model) at the times of {@code reconcile}, in {@code zone}.
 * A scheduled run that finds a (source, model) leased by another process skips it quietly; a run
 * still going when the next one is due makes that one skip.
 *
 * @param incrementalEvery interval of the incremental runs, or null for none
 * @param reconcile when to reconcile and verify, or null for never
 * @param zone the zone the cron expression is read in
 */
public record Schedule(Duration incrementalEvery, CronExpression reconcile, ZoneId zone) {
    public Schedule {
        Objects.requireNonNull(zone, "zone == null");
        if (incrementalEvery != null && incrementalEvery.toMillis() < 1) {
            throw new IllegalArgumentException("incrementalEvery must be at least 1 ms, was " + incrementalEvery);
        }
    }

    /** Nothing scheduled: syncs run only when triggered through the admin API. */
    public static Schedule none() {
        return new Schedule(null, null, ZoneOffset.UTC);
    }

    /** The default: incremental every 5 minutes, reconcile and verify at 03:30 UTC. */
    public static Schedule defaults() {
        return new Schedule(Duration.ofMinutes(5), CronExpression.parse("30 3 * * *"), ZoneOffset.UTC);
    }

    /** This schedule with incremental runs every {@code every} (null: none). */
    public Schedule withIncremental(Duration every) {
        return new Schedule(every, reconcile, zone);
    }

    /** This schedule with reconcile and verify at {@code cron} (null: never). */
    public Schedule withReconcile(CronExpression cron) {
        return new Schedule(incrementalEvery, cron, zone);
    }

    /** The interval of the incremental runs, if any. */
    public Optional<Duration> incremental() {
        return Optional.ofNullable(incrementalEvery);
    }

    /** The reconcile times, if any. */
    public Optional<CronExpression> reconcileAt() {
        return Optional.ofNullable(reconcile);
    }
}
