package dev.pce.engine.event;

import java.util.Objects;

/** A lease ran out without completion or failure; the task went back to the pool. */
public record LeaseExpired(String taskId, String claimId, String agent) implements TaskEvent {
    public static final String TYPE = "task.lease_expired";

    public LeaseExpired {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
