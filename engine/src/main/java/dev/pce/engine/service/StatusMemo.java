package dev.pce.engine.service;

import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;

/**
 * The last full status of one workflow, reused while it cannot have changed: no new event and no lease run out
 * since it was made. Agents poll status far more often than the workflow changes, and a status of thousands of
 * tasks is worth not rebuilding. Not thread-safe: its owner serializes access.
 */
final class StatusMemo {
    private WorkflowStatus status;
    private long seq = -1;
    private Instant madeAt = Instant.MIN;
    private Instant validUntil = Instant.MIN;

    WorkflowStatus status(WorkflowState state, Instant now, LiveSchedule schedule) {
        boolean current = status != null && seq == state.lastSeq() && !now.isBefore(madeAt) && now.isBefore(validUntil);
        if (!current) {
            status = StatusReport.of(state, now).full(schedule.at(now));
            seq = state.lastSeq();
            madeAt = now;
            validUntil = state.nextLeaseExpiry(now).orElse(Instant.MAX);
        }
        return status;
    }
}
