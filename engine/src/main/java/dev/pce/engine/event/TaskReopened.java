package dev.pce.engine.event;

import java.util.Objects;

/**
 * PCE reopened a completed task because it was completed on something withdrawn: a partial output of
 * {@code cause} rolled back, or {@code cause} failed for good, directly or through the tasks in between. The task
 * waits again (or is blocked); its completion and partial outputs no longer count, and its own dependents that
 * started on them are reopened in the same step.
 *
 * @param claimId the claim the withdrawn completion was reported under
 * @param agent   who completed it
 * @param cause   the task whose partial output was withdrawn, at the root of the cascade
 */
public record TaskReopened(String taskId, String claimId, String agent, String cause, String reason)
        implements TaskEvent {
    public static final String TYPE = "task.reopened";

    public TaskReopened {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        cause = cause == null ? "" : cause;
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
