package dev.pce.engine.event;

import dev.pce.engine.conflict.Resolution;

import java.util.Objects;

/**
 * The conflict rules decided a conflict: two tasks writing one file (who goes first), reviewers disagreeing (what
 * the reviews add up to, or a person must decide), a task running far past its estimate (reschedule). The
 * resolution names the rule and the reason, so the history explains every decision.
 *
 * @param conflictId "conflict-N", for {@code ce_resolve}
 * @param claimId    for a timeline conflict, the claim the task ran under (it is rescheduled once per claim);
 *                   empty otherwise
 */
public record ConflictResolved(String conflictId, Resolution resolution, String claimId) implements EventPayload {
    public static final String TYPE = "conflict.resolved";

    public ConflictResolved {
        Objects.requireNonNull(conflictId, "conflictId");
        Objects.requireNonNull(resolution, "resolution");
        claimId = claimId == null ? "" : claimId;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
