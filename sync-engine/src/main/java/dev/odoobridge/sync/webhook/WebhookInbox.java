package dev.odoobridge.sync.webhook;

import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.internal.InboxRepository;
import java.util.List;
import java.util.Objects;

/**
 * The stored webhook events: listing and replay. Replay resets the selected events to pending
 * so a running {@link WebhookProcessor} re-reads their records from Odoo again; events being
 * processed at that moment are left alone. Thread-safe.
 */
public final class WebhookInbox {
    private final InboxRepository repository;

    private WebhookInbox(InboxRepository repository) {
        this.repository = repository;
    }

    /** The inbox of a state database. */
    public static WebhookInbox of(StateDatabase database) {
        return new WebhookInbox(new InboxRepository(database.dataSource()));
    }

    /** Events matching the filter, oldest first, at most {@code limit}. */
    public List<WebhookEvent> list(EventFilter filter, int limit) {
        Objects.requireNonNull(filter, "filter == null");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return repository.list(filter, limit);
    }

    /**
     * How many events the inbox holds in each status (every status present, zero when none), e.g.
     * for a depth gauge. One aggregate query over the whole inbox.
     */
    public java.util.Map<EventStatus, Long> countByStatus() {
        return repository.countByStatus();
    }

    /**
     * Replays the matching events (all but those being processed). With {@code dryRun} nothing
     * changes and the plan lists what would be replayed; otherwise the events are reset to
     * pending (attempts and error cleared) and the plan lists them as they were.
     */
    public ReplayPlan replay(EventFilter filter, boolean dryRun) {
        Objects.requireNonNull(filter, "filter == null");
        if (dryRun) {
            List<WebhookEvent> selected = repository.list(filter, Integer.MAX_VALUE).stream()
                    .filter(e -> e.status() != EventStatus.PROCESSING).toList();
            return new ReplayPlan(selected, false);
        }
        return new ReplayPlan(repository.reset(filter), true);
    }
}
