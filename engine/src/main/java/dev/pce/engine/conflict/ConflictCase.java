package dev.pce.engine.conflict;

/**
 * What the arbiter is asked to decide: overlapping claims ({@link ResourceContention}), disagreeing reviews
 * ({@link ReviewPanel}) or a task running long ({@link RunningTask}).
 */
public sealed interface ConflictCase permits ResourceContention, ReviewPanel, RunningTask {

    ConflictKind kind();
}
