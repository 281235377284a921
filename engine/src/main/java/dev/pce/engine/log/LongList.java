package dev.pce.engine.log;

import java.util.Arrays;

/** A growable list of longs without boxing: the byte offset of every line of a log. */
final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " >= " + size);
        }
        return values[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
