package dev.odoobridge.embedded.mongo;

import java.util.function.LongPredicate;

/**
 * Where each kept position's bytes are ({@link EncodedDocuments}): positions to places (a slab and an offset packed
 * into a {@code long}), in two arrays probed linearly, so an entry is no object of its own. Not thread-safe.
 */
final class KeptPlaces {
    /** The place of a position that has none. */
    static final long NONE = -1;
    private static final int FIRST_CAPACITY = 16;

    private Object[] positions = new Object[FIRST_CAPACITY];
    private long[] places = new long[FIRST_CAPACITY];
    private int size;

    /** The position's place, or {@link #NONE}. */
    long get(Object position) {
        int slot = slotOf(position);
        return slot < 0 ? NONE : places[slot];
    }

    /** Sets the position's place (not {@link #NONE}); returns the place it had, or {@link #NONE}. */
    long put(Object position, long place) {
        if (place < 0) {
            throw new IllegalArgumentException("not a place: " + place);
        }
        int slot = slotOf(position);
        if (slot >= 0) {
            long before = places[slot];
            places[slot] = place;
            return before;
        }
        if ((size + 1) * 2L > positions.length) {
            rebuild(positions.length * 2, kept -> false);
        }
        insertNew(position, place, positions.length - 1);
        return NONE;
    }

    /** Removes the position; returns the place it had, or {@link #NONE}. */
    long remove(Object position) {
        int slot = slotOf(position);
        if (slot < 0) {
            return NONE;
        }
        long before = places[slot];
        closeGap(slot, positions.length - 1);
        size--;
        return before;
    }

    /** The slot holding the position, or -1. */
    private int slotOf(Object position) {
        int mask = positions.length - 1;
        for (int i = home(position, mask); ; i = (i + 1) & mask) {
            Object p = positions[i];
            if (p == null) {
                return -1;
            }
            if (p.equals(position)) {
                return i;
            }
        }
    }

    /** Removes every position whose place matches. */
    void removePlaces(LongPredicate matching) {
        rebuild(positions.length, matching);
    }

    void clear() {
        positions = new Object[FIRST_CAPACITY];
        places = new long[FIRST_CAPACITY];
        size = 0;
    }

    int size() {
        return size;
    }

    /** Empties slot {@code i}, moving back the entries after it that would no longer be found (no tombstones). */
    private void closeGap(int i, int mask) {
        int gap = i;
        for (int j = (gap + 1) & mask; positions[j] != null; j = (j + 1) & mask) {
            int home = home(positions[j], mask);
            boolean reachable = gap <= j ? home > gap && home <= j : home > gap || home <= j;
            if (!reachable) {
                positions[gap] = positions[j];
                places[gap] = places[j];
                gap = j;
            }
        }
        positions[gap] = null;
        places[gap] = 0;
    }

    /** Puts the entries into arrays of {@code capacity}, leaving out those whose place {@code dropping} matches. */
    private void rebuild(int capacity, LongPredicate dropping) {
        Object[] oldPositions = positions;
        long[] oldPlaces = places;
        positions = new Object[capacity];
        places = new long[capacity];
        size = 0;
        int mask = capacity - 1;
        for (int i = 0; i < oldPositions.length; i++) {
            if (oldPositions[i] != null && !dropping.test(oldPlaces[i])) {
                insertNew(oldPositions[i], oldPlaces[i], mask);
            }
        }
    }

    private void insertNew(Object position, long place, int mask) {
        int i = home(position, mask);
        while (positions[i] != null) {
            i = (i + 1) & mask;
        }
        positions[i] = position;
        places[i] = place;
        size++;
    }

    private static int home(Object position, int mask) {
        int h = position.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
