package dev.pce.engine.schedule;

import java.util.Arrays;

/** A growable list of ints without boxing: one task's neighbours by index. */
final class Ints {
    private static final int[] EMPTY = new int[0];
    private int[] values = EMPTY;
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
