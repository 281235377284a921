package dev.pce.engine;

/** Stable machine-readable error classes; the text of a {@link CeException} carries the details. */
public enum ErrorCode {
    /** An argument has the wrong type, is missing, or is out of bounds. */
    INVALID_ARGUMENT,
    /** A plan breaks a structural rule: duplicate ids, unknown dependencies, cycles, empty. */
    INVALID_PLAN,
    /** The workflow id names no workflow in this workspace. */
    UNKNOWN_WORKFLOW,
    /** The task id names no task of the workflow. */
    UNKNOWN_TASK,
    /** The request conflicts with the task's current state (wrong claim, already done, ...). */
    CONFLICT,
    /** The event log on disk cannot be read as written by PCE. */
    LOG_CORRUPT,
    /** A file system operation failed. */
    IO,
    /** A defect in PCE itself; the message points at the log. */
    INTERNAL
}
