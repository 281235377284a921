package dev.pce.engine.service;

import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;
import java.util.Optional;

/**
 * The last full status of one workflow, reused while it cannot have changed: no new event, no lease run out, and no
 * running task reached the end of its estimate or the next step of its overrun since it was made (the ETA follows
 * the clock, not only the events). Agents poll status far more often than the workflow changes, and a status of
 * thousands of tasks is worth not rebuilding. Not thread-safe: its owner serializes access.
 */
final class StatusMemo {
    private WorkflowStatus status;
    private long seq = -1;
    private Instant madeAt = Instant.MIN;
    private Instant validUntil = Instant.MIN;

    WorkflowStatus status(WorkflowState state, Instant now, LiveSchedule schedule) {
        boolean current = status != null && seq == state.lastSeq() && !now.isBefore(madeAt) && now.isBefore(validUntil);
        if (!current) {
            Optional<LiveSchedule.Current> scheduled = schedule.at(now);
            status = StatusReport.of(state, now).full(scheduled.map(LiveSchedule.Current::view));
            seq = state.lastSeq();
            madeAt = now;
            Instant leaseExpiry = state.nextLeaseExpiry(now).orElse(Instant.MAX);
            Instant scheduleChange = scheduled.map(LiveSchedule.Current::validUntil).orElse(Instant.MAX);
            validUntil = leaseExpiry.isBefore(scheduleChange) ? leaseExpiry : scheduleChange;
        }
        return status;
    }
}
