package dev.odoobridge.sync.webhook;

import java.util.List;
import java.util.Objects;

/**
 * What a replay selected.
 *
 * @param events the selected events as they were before the replay (events being processed are never selected)
 * @param applied false for a dry run (nothing changed), true when the events were reset to pending
 */
public record ReplayPlan(List<WebhookEvent> events, boolean applied) {
    public ReplayPlan {
        events = List.copyOf(Objects.requireNonNull(events, "events == null"));
    }

    /** Number of selected events. */
    public int size() {
        return events.size();
    }
}
