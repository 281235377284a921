package dev.pce.engine.event;

/** A lease ran out without completion or failure; the task went back to the pool. */
public record LeaseExpired(String taskId, String claimId, String agent) implements TaskEvent {
    public static final String TYPE = "task.lease_expired";

    @Override
    public String type() {
        return TYPE;
    }
}
