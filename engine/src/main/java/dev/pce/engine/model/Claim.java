package dev.pce.engine.model;

import java.time.Instant;
import java.util.Objects;

/** An agent's lease on a task. After {@code leaseUntil} the task may be claimed again. */
public record Claim(String claimId, String agent, Instant claimedAt, Instant leaseUntil) {

    public Claim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(leaseUntil);
    }
}
