package dev.odoobridge.vendors.restock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dry-run restock proposal. Nothing is written until {@link RestockPlanner#apply} is called.
 *
 * @param coverDays days of forecast demand each order should cover
 * @param windowDays sales window of the forecast
 * @param computedAt when the plan was computed
 * @param orders proposed orders, per (source, vendor partner)
 * @param covered urgent products that need nothing (stock plus incoming already covers the need)
 */
public record RestockPlan(int coverDays, int windowDays, Instant computedAt, List<RestockOrder> orders,
                          List<RestockLine> covered) {
    public RestockPlan {
        Objects.requireNonNull(computedAt, "computedAt == null");
        orders = List.copyOf(orders);
        covered = List.copyOf(covered);
    }

    /** True when no order is proposed. */
    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
