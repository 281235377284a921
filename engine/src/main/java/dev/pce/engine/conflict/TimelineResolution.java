package dev.pce.engine.conflict;

import java.util.Objects;

/**
 * What a running task's time against its estimate calls for.
 *
 * @param factor                  k, the overrun factor the rules chose: past k times its estimate a task is
 *                                rescheduled
 * @param proposedEstimateMinutes the estimate to plan the rest of the task with: a new one on RESCHEDULE, else the
 *                                current one
 * @param suggestion              what to do, as one sentence for the lead or the agent; empty when on track
 */
public record TimelineResolution(String taskId, TimelineDecision decision, double estimateMinutes,
                                 double elapsedMinutes, double factor, double proposedEstimateMinutes,
                                 String suggestion, String rule, String reason) implements Resolution {

    public TimelineResolution {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public ConflictKind kind() {
        return ConflictKind.TIMELINE;
    }
}
