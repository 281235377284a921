package dev.pce.rules.dependency;

import java.util.Arrays;

/**
 * Edges between tasks as their plan positions, in primitive arrays: the cycle check, the order graph and the check
 * that no declared dependency was dropped look at every edge of a large plan, and a task's position looked up once
 * per edge, not once per question, keeps that work in proportion to the plan.
 */
final class PositionEdges {
    private int[] from;
    private int[] to;
    private boolean[] hard;
    private int size;

    PositionEdges(int capacity) {
        int initial = Math.max(capacity, 4);
        from = new int[initial];
        to = new int[initial];
        hard = new boolean[initial];
    }

    /** Adds the edge from position {@code from} to {@code to}; {@code hard} makes {@code to} wait for the end. */
    void add(int from, int to, boolean hard) {
        if (size == this.from.length) {
            int grown = size * 2;
            this.from = Arrays.copyOf(this.from, grown);
            this.to = Arrays.copyOf(this.to, grown);
            this.hard = Arrays.copyOf(this.hard, grown);
        }
        this.from[size] = from;
        this.to[size] = to;
        this.hard[size] = hard;
        size++;
    }

    int size() {
        return size;
    }

    int from(int edge) {
        return from[edge];
    }

    int to(int edge) {
        return to[edge];
    }

    boolean hard(int edge) {
        return hard[edge];
    }

    /** The edge as one number, {@code from} in the high half: equal for equal pairs, whatever the class. */
    long pair(int edge) {
        return (long) from[edge] << 32 | to[edge];
    }
}
