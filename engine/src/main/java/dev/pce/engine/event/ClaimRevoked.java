package dev.pce.engine.event;

import java.util.Objects;

/**
 * PCE took a claim back because what the task started on was withdrawn (a rolled-back partial output); the task
 * waits again, and reports under the revoked claim are refused.
 */
public record ClaimRevoked(String taskId, String claimId, String agent, String reason) implements TaskEvent {
    public static final String TYPE = "task.claim_revoked";

    public ClaimRevoked {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
