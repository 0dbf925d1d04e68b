package dev.odoobridge.testkit;

import dev.odoobridge.testkit.internal.server.FaultPlan;

/**
 * Fault injection for every endpoint of a {@link FakeOdoo}: one-shot faults for the next requests
 * and rates drawn from the server's seeded random source.
 *
 * <pre>{@code
 * fake.faults().next(Fault.RESET);          // the next request gets its connection dropped
 * fake.faults().rate(0.1, Fault.HTTP_503);  // then one request in ten answers 503
 * fake.faults().clear();
 * }</pre>
 */
public final class Faults {
    private final FaultPlan plan;

    Faults(FaultPlan plan) {
        this.plan = plan;
    }

    /** Injects {@code fault} into the next request not already given a queued fault. */
    public Faults next(Fault fault) {
        plan.next(fault);
        return this;
    }

    /** Injects {@code fault} into each request with probability {@code probability} (0 to 1). */
    public Faults rate(double probability, Fault fault) {
        plan.rate(probability, fault);
        return this;
    }

    /** Removes all queued faults and rates. */
    public Faults clear() {
        plan.clear();
        return this;
    }
}
