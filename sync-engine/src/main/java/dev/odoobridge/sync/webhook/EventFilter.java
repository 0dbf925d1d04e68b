package dev.odoobridge.sync.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Selects stored webhook events; every criterion that is set must match (empty sets and nulls
 * match everything). Start from {@link #all()} and narrow with the withers:
 * {@code EventFilter.all().statuses(EventStatus.FAILED).model("product.product")}.
 *
 * @param ids event ids
 * @param receivedFrom received at or after (inclusive)
 * @param receivedTo received before (exclusive)
 * @param source source name
 * @param model Odoo model
 * @param statuses statuses
 */
public record EventFilter(Set<Long> ids, Instant receivedFrom, Instant receivedTo, String source, String model,
                          Set<EventStatus> statuses) {
    public EventFilter {
        ids = Set.copyOf(Objects.requireNonNull(ids, "ids == null"));
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses == null"));
        if (receivedFrom != null && receivedTo != null && !receivedFrom.isBefore(receivedTo)) {
            throw new IllegalArgumentException("receivedFrom (" + receivedFrom + ") must be before receivedTo ("
                    + receivedTo + ")");
        }
    }

    /** Matches every event. */
    public static EventFilter all() {
        return new EventFilter(Set.of(), null, null, null, null, Set.of());
    }

    /** Only these event ids. */
    public EventFilter ids(Long... eventIds) {
        return new EventFilter(Set.copyOf(java.util.Arrays.asList(eventIds)), receivedFrom, receivedTo, source, model, statuses);
    }

    /** Only events received in {@code [from, to)}; either may be null for an open end. */
    public EventFilter received(Instant from, Instant to) {
        return new EventFilter(ids, from, to, source, model, statuses);
    }

    /** Only events of this source. */
    public EventFilter source(String sourceName) {
        return new EventFilter(ids, receivedFrom, receivedTo, sourceName, model, statuses);
    }

    /** Only events of this model. */
    public EventFilter model(String modelName) {
        return new EventFilter(ids, receivedFrom, receivedTo, source, modelName, statuses);
    }

    /** Only events in one of these statuses. */
    public EventFilter statuses(EventStatus... wanted) {
        return new EventFilter(ids, receivedFrom, receivedTo, source, model, Set.copyOf(java.util.Arrays.asList(wanted)));
    }
}
