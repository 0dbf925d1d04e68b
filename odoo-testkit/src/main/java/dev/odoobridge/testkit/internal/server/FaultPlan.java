package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.Fault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Which fault, if any, the next request gets: queued one-shot faults first, then each configured
 * rate in turn, drawn from a seeded {@link Random} so a run is reproducible. Thread-safe.
 */
public final class FaultPlan {
    private record Rate(double probability, Fault fault) {
    }

    private final Random random;
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final List<Rate> rates = new ArrayList<>();

    /** A plan drawing from {@code random}. */
    public FaultPlan(Random random) {
        this.random = Objects.requireNonNull(random, "random == null");
    }

    /** Injects {@code fault} into the next request (after the ones already queued). */
    public synchronized void next(Fault fault) {
        queued.addLast(Objects.requireNonNull(fault, "fault == null"));
    }

    /** Injects {@code fault} into each request with the given probability. */
    public synchronized void rate(double probability, Fault fault) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        rates.add(new Rate(probability, Objects.requireNonNull(fault, "fault == null")));
    }

    /** Removes every queued fault and rate. */
    public synchronized void clear() {
        queued.clear();
        rates.clear();
    }

    /** The fault for the request being served, or null. */
    synchronized Fault poll() {
        Fault next = queued.pollFirst();
        if (next != null) {
            return next;
        }
        for (Rate rate : rates) {
            if (random.nextDouble() < rate.probability()) {
                return rate.fault();
            }
        }
        return null;
    }
}
