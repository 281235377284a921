package dev.pce.engine.event;

import java.util.Objects;

/**
 * The claimant withdrew its partial outputs ({@code artifact}, or all of them when empty): tasks that could start
 * only on them wait again.
 */
public record ProgressRolledBack(String taskId, String claimId, String artifact, String reason) implements TaskEvent {
    public static final String TYPE = "task.progress_rolled_back";

    public ProgressRolledBack {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        artifact = artifact == null ? "" : artifact;
        reason = reason == null ? "" : reason;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
