package dev.pce.engine.event;

import java.time.Instant;

/** An agent of {@code pool} took a lease on a task until {@code leaseUntil}. */
public record TaskClaimed(String taskId, String claimId, String agent, String pool, Instant leaseUntil)
        implements TaskEvent {
    public static final String TYPE = "task.claimed";

    @Override
    public String type() {
        return TYPE;
    }
}
