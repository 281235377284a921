package dev.pce.engine.service;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a workflow as a whole stands. */
public enum WorkflowPhase {
    /** Work remains that can still run. */
    ACTIVE,
    /** Every task is done. */
    COMPLETED,
    /** Some task failed for good and nothing else can run. */
    FAILED;

    public boolean finished() {
        return this != ACTIVE;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
