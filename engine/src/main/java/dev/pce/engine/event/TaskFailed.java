package dev.pce.engine.event;

import java.util.Objects;

/**
 * The claimant gave up on the task. {@code willRetry} is the decision taken: the task returns to its pool, or it
 * fails for good and blocks its dependents.
 */
public record TaskFailed(String taskId, String claimId, String reason, boolean retryable, boolean willRetry)
        implements TaskEvent {
    public static final String TYPE = "task.failed";

    public TaskFailed {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
