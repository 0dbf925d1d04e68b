package dev.odoobridge.testkit.internal.orm;

import java.util.Arrays;

/** A small growable list of ints kept in ascending order (record ids). */
final class IntList {
    private int[] values = new int[2];
    private int size;

    void add(int value) {
        int pos = Arrays.binarySearch(values, 0, size, value);
        if (pos >= 0) {
            return;
        }
        int at = -pos - 1;
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = value;
        size++;
    }

    void remove(int value) {
        int pos = Arrays.binarySearch(values, 0, size, value);
        if (pos >= 0) {
            System.arraycopy(values, pos + 1, values, pos, size - pos - 1);
            size--;
        }
    }

    int size() {
        return size;
    }

    int get(int index) {
        return values[index];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
