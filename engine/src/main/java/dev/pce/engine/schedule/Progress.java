package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.model.Ids;

import java.util.Arrays;

/**
 * What has happened to each task so far, in minutes since the plan's start: pending, running since a time, done
 * at a time, or failed for good. A failure with retry puts the task back to pending.
 */
final class Progress {
    static final byte PENDING = 0;
    static final byte RUNNING = 1;
    static final byte DONE = 2;
    static final byte FAILED = 3;

    private byte[] states = new byte[0];
    private double[] starts = new double[0];
    private double[] finishes = new double[0];

    /** Makes room for tasks appended to the graph; new tasks are pending. */
    void ensureSize(int size) {
        if (states.length < size) {
            int capacity = Math.max(size, states.length * 2);
            states = Arrays.copyOf(states, capacity);
            starts = Arrays.copyOf(starts, capacity);
            finishes = Arrays.copyOf(finishes, capacity);
        }
    }

    void started(TaskGraph graph, int task, double at) {
        requireTime(at);
        require(graph, task, states[task] == PENDING, "started", "pending");
        states[task] = RUNNING;
        starts[task] = at;
    }

    void finished(TaskGraph graph, int task, double at) {
        requireTime(at);
        require(graph, task, states[task] == RUNNING, "finished", "running");
        if (at < starts[task]) {
            throw new CeException(ErrorCode.CONFLICT, "Task '" + Ids.clip(graph.id(task)) + "' cannot finish at "
                    + at + ", before it started at " + starts[task] + ".", "Report the time the task finished.");
        }
        states[task] = DONE;
        finishes[task] = at;
    }

    void failed(TaskGraph graph, int task, boolean retry) {
        require(graph, task, states[task] == RUNNING || states[task] == PENDING, "failed", "pending or running");
        states[task] = retry ? PENDING : FAILED;
    }

    /** Whether none of the first {@code size} tasks has been reported yet. */
    boolean untouched(int size) {
        for (int i = 0; i < size; i++) {
            if (states[i] != PENDING) {
                return false;
            }
        }
        return true;
    }

    byte state(int task) {
        return states[task];
    }

    double start(int task) {
        return starts[task];
    }

    double finish(int task) {
        return finishes[task];
    }

    private static void requireTime(double at) {
        if (!(at >= 0) || Double.isInfinite(at)) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Event time " + at + " is not a time.",
                    "Give times as minutes since the plan started, 0 or more.");
        }
    }

    private void require(TaskGraph graph, int task, boolean ok, String event, String expected) {
        if (!ok) {
            throw new CeException(ErrorCode.CONFLICT, "Task '" + Ids.clip(graph.id(task)) + "' cannot be reported "
                    + event + ": it is " + name(states[task]) + ", not " + expected + ".",
                    "Report started, then finished or failed, once per attempt.");
        }
    }

    private static String name(byte state) {
        return switch (state) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case DONE -> "done";
            default -> "failed";
        };
    }
}
