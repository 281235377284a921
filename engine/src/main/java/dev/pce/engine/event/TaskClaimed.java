package dev.pce.engine.event;

import java.time.Instant;
import java.util.Objects;

/** An agent of {@code pool} took a lease on a task until {@code leaseUntil}. */
public record TaskClaimed(String taskId, String claimId, String agent, String pool, Instant leaseUntil)
        implements TaskEvent {
    public static final String TYPE = "task.claimed";

    public TaskClaimed {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
