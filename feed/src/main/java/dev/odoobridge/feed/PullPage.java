package dev.odoobridge.feed;

import java.util.Map;
import java.util.Objects;

/**
 * A pull's answer: WatermelonDB's {@code {changes, timestamp}} plus {@code has_more}.
 *
 * <p>{@code timestamp} is one more than the highest change sequence the page covers completely: every change with a
 * lower sequence (in the tables asked for, within the caller's scope) is in this page or an earlier one, and no such
 * change can appear later (it is at or below the read model's safe sequence). When {@code hasMore} is true, the page
 * stopped at the page size; pulling again with this {@code timestamp} continues where it stopped.
 *
 * @param changes per table, in the order of the feed's tables
 * @param timestamp the client's next {@code last_pulled_at} (always at least 1)
 * @param hasMore whether more changes are waiting
 */
public record PullPage(Map<String, TableChanges> changes, long timestamp, boolean hasMore) {
    public PullPage {
        Objects.requireNonNull(changes, "changes == null");
        changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
        if (timestamp < 1) {
            throw new IllegalArgumentException("timestamp must be at least 1, got " + timestamp);
        }
    }
}
