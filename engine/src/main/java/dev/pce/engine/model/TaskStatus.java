package dev.pce.engine.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The status a caller sees: the recorded phase refined by dependencies and lease time. */
public enum TaskStatus {
    /** Some dependency is not done yet. */
    WAITING,
    /** All dependencies are done; a pool agent may claim it. */
    READY,
    /** An agent holds a live lease on it. */
    CLAIMED,
    DONE,
    FAILED,
    /** A dependency failed for good: the task cannot run until the plan changes. */
    BLOCKED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
