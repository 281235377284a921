package dev.pce.engine.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an {@link AnomalyFlag} is about. */
public enum AnomalyKind {
    /** A task took longer than the p95 of its kind and pool (running: is taking). */
    TASK_DURATION,
    /** A task waited longer between ready and claimed than the p95 of its pool. */
    TASK_WAIT,
    /** A gate blocked that passes at least 95% of the time. */
    GATE_FAILED,
    /** A gate held the later waves longer than the p95 of its holds. */
    GATE_HOLD;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
