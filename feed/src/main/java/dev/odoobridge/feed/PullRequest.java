package dev.odoobridge.feed;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One pull.
 *
 * @param lastPulledAt the {@code timestamp} of the client's previous pull, or empty for a first sync
 * @param tables the tables asked for; empty = every table of the caller's scope
 * @param sendCreatedAsUpdated whether to put new records in {@code updated} instead of {@code created} (for clients
 *     that pass WatermelonDB's {@code sendCreatedAsUpdated: true}); empty = the feed's default
 */
public record PullRequest(OptionalLong lastPulledAt, Set<String> tables, Optional<Boolean> sendCreatedAsUpdated) {
    public PullRequest {
        Objects.requireNonNull(lastPulledAt, "lastPulledAt == null");
        tables = Set.copyOf(tables);
        Objects.requireNonNull(sendCreatedAsUpdated, "sendCreatedAsUpdated == null");
        if (lastPulledAt.isPresent() && lastPulledAt.getAsLong() <= 0) {
            throw new FeedException(FeedException.Reason.BAD_REQUEST, "last_pulled_at must be a positive number or "
                    + "null, got " + lastPulledAt.getAsLong(), null, null, "last_pulled_at");
        }
    }

    /** A first sync of every table. */
    public static PullRequest first() {
        return new PullRequest(OptionalLong.empty(), Set.of(), Optional.empty());
    }

    /** A pull of every table after the timestamp of a previous one. */
    public static PullRequest after(long lastPulledAt) {
        return new PullRequest(OptionalLong.of(lastPulledAt), Set.of(), Optional.empty());
    }

    /** This request restricted to the tables. */
    public PullRequest withTables(Set<String> names) {
        return new PullRequest(lastPulledAt, names, sendCreatedAsUpdated);
    }
}
