package dev.pce.engine.event;

import java.util.Objects;

/**
 * PCE took a claim back because what the task started on was withdrawn (a prerequisite's partial output rolled
 * back, or a prerequisite that failed for good, directly or through the tasks in between); the task waits again
 * (or is blocked), and reports under the revoked claim are refused.
 *
 * @param cause the task whose partial output was withdrawn, at the root of the cascade; empty in logs written
 *              before it was recorded
 */
public record ClaimRevoked(String taskId, String claimId, String agent, String reason, String cause)
        implements TaskEvent {
    public static final String TYPE = "task.claim_revoked";

    public ClaimRevoked {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(reason, "reason");
        cause = cause == null ? "" : cause;
    }

    /** A revocation as logs before {@code cause} was recorded hold it. */
    public ClaimRevoked(String taskId, String claimId, String agent, String reason) {
        this(taskId, claimId, agent, reason, "");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
