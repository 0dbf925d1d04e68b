package dev.odoobridge.benchmarks;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projector;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A projector that adds up the time spent in {@link #apply}, to split a sync's time into reading and writing. */
final class TimedProjector implements Projector {
    private final Projector delegate;
    private final AtomicLong applyNanos = new AtomicLong();
    private final AtomicLong lookupNanos = new AtomicLong();

    private final Consumer<List<OdooRecord>> onApplied;

    TimedProjector(Projector delegate) {
        this(delegate, records -> { });
    }

    /** Calls {@code onApplied} with each batch after the delegate acknowledged it. */
    TimedProjector(Projector delegate, Consumer<List<OdooRecord>> onApplied) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
        this.onApplied = Objects.requireNonNull(onApplied, "onApplied == null");
    }

    /** Seconds spent in apply so far. */
    double applySeconds() {
        return applyNanos.get() / 1e9;
    }

    /** Seconds spent counting and listing stored ids (the reconciliation's side of the store) so far. */
    double lookupSeconds() {
        return lookupNanos.get() / 1e9;
    }

    private <T> T timedLookup(Supplier<T> lookup) {
        long t0 = System.nanoTime();
        try {
            return lookup.get();
        } finally {
            lookupNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    @Override
    public ApplyResult apply(String source, String model, List<OdooRecord> records, Instant fetchedAt) {
        long t0 = System.nanoTime();
        try {
            ApplyResult result = delegate.apply(source, model, records, fetchedAt);
            applyNanos.addAndGet(System.nanoTime() - t0);
            onApplied.accept(records);
            return result;
        } catch (RuntimeException e) {
            applyNanos.addAndGet(System.nanoTime() - t0);
            throw e;
        }
    }

    @Override
    public long delete(String source, String model, Collection<Long> odooIds) {
        return delegate.delete(source, model, odooIds);
    }

    @Override
    public long count(String source, String model, long fromId, long toId) {
        return timedLookup(() -> delegate.count(source, model, fromId, toId));
    }

    @Override
    public SortedSet<Long> ids(String source, String model, long fromId, long toId) {
        return timedLookup(() -> delegate.ids(source, model, fromId, toId));
    }

    @Override
    public SortedSet<Long> existing(String source, String model, Collection<Long> odooIds) {
        return timedLookup(() -> delegate.existing(source, model, odooIds));
    }

    @Override
    public long maxId(String source, String model) {
        return timedLookup(() -> delegate.maxId(source, model));
    }

    @Override
    public Optional<Map<String, Object>> find(String source, String model, long odooId) {
        return delegate.find(source, model, odooId);
    }

    @Override
    public long deleteAll(String source, String model) {
        return delegate.deleteAll(source, model);
    }

    @Override
    public OptionalDouble stockOnHand(String source, long productId) {
        return delegate.stockOnHand(source, productId);
    }
}
