package dev.pce.engine.model;

import java.time.Instant;
import java.util.Objects;

/** A reported failure of one attempt at a task. */
public record Failure(String agent, String claimId, Instant at, String reason, boolean retryable) {

    public Failure {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
