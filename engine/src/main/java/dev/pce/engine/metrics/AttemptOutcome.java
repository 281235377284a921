package dev.pce.engine.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How an attempt at a task ended. */
public enum AttemptOutcome {
    /** The claimant completed the task. */
    COMPLETED,
    /** The claimant reported a failure (retried or not). */
    FAILED,
    /** The lease ran out before a completion or failure. */
    EXPIRED,
    /** PCE took the claim back (what the task started on was rolled back). */
    REVOKED,
    /** Still held under a live lease at the report's time. */
    RUNNING;

    /** Counts against the failure rate: the agent gave up or vanished. */
    public boolean isFailure() {
        return this == FAILED || this == EXPIRED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
