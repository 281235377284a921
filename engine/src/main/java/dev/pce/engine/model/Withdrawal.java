package dev.pce.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Work PCE took back from a task because what it started on was withdrawn (a prerequisite's partial output rolled
 * back, or the prerequisite failed for good): a live claim revoked, or a completion reopened. Kept with the task so
 * that the agent's next report under that claim is told why it is refused.
 *
 * @param claimId   the claim the work ran under
 * @param completed whether the work had been completed (reopened) rather than running (revoked)
 * @param cause     the task whose partial output was withdrawn, at the root of the cascade
 * @param reason    why, in words
 */
public record Withdrawal(String claimId, boolean completed, String cause, String reason, Instant at) {

    public Withdrawal {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(at, "at");
        cause = cause == null ? "" : cause;
        reason = reason == null ? "" : reason;
    }
}
