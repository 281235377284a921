package dev.pce.engine.model;

/**
 * Where a task is in its life, as recorded by events. Whether a pending task is ready or waiting is not stored:
 * it follows from its dependencies (see {@link TaskStatus}).
 */
public enum TaskPhase {
    PENDING,
    CLAIMED,
    DONE,
    FAILED;

    public boolean terminal() {
        return this == DONE || this == FAILED;
    }
}
