package dev.pce.engine.workflow;

import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictResolved;

import java.util.Optional;

/**
 * A running task's estimate revised by a recorded reschedule ({@code conflict.resolved}, timeline, RESCHEDULE): from
 * then on the task is planned with the proposed estimate (critical path, priorities, ETA, later overrun checks),
 * until a person overrules the conflict.
 *
 * @param rule       the conflict rule that decided it
 * @param conflictId the recorded decision
 */
public record EstimateRevision(String taskId, double fromMinutes, double toMinutes, String rule, String conflictId) {

    /** The revision a recorded decision makes; empty for any other decision, or a proposal that is no estimate. */
    public static Optional<EstimateRevision> of(ConflictResolved resolved) {
        if (resolved.resolution() instanceof TimelineResolution timeline
                && timeline.decision() == TimelineDecision.RESCHEDULE
                && Double.isFinite(timeline.proposedEstimateMinutes()) && timeline.proposedEstimateMinutes() > 0) {
            return Optional.of(new EstimateRevision(timeline.taskId(), timeline.estimateMinutes(),
                    timeline.proposedEstimateMinutes(), timeline.rule(), resolved.conflictId()));
        }
        return Optional.empty();
    }
}
