package dev.odoobridge.feed;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The read model's change sequence as the feed needs it: every document the projector writes carries {@code _seq},
 * deletions leave tombstones with one.
 */
public interface ChangeSequence {
    /** The highest sequence such that no change with a sequence at or below it can still appear. */
    long safeSequence();

    /** The lowest sequence still answerable (tombstones below it were purged); 0 when nothing was purged. */
    long oldestRetained();

    /** The read model's change log ({@code ReadModel.changes()}). */
    static ChangeSequence of(dev.odoobridge.readmodel.changes.ChangeLog log) {
        Objects.requireNonNull(log, "log == null");
        return of(log::safeSequence, log::oldestRetained);
    }

    /** A sequence view over two suppliers (e.g. the read model's change log's methods). */
    static ChangeSequence of(LongSupplier safe, LongSupplier oldestRetained) {
        Objects.requireNonNull(safe, "safe == null");
        Objects.requireNonNull(oldestRetained, "oldestRetained == null");
        return new ChangeSequence() {
            @Override
            public long safeSequence() {
                return safe.getAsLong();
            }

            @Override
            public long oldestRetained() {
                return oldestRetained.getAsLong();
            }
        };
    }
}
