package dev.pce.engine.service;

import dev.pce.engine.schedule.ScheduleView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The full status of one workflow at one moment.
 *
 * @param schedule the expected schedule of the remaining work (ETA, critical path, utilization), as of the last
 *                 change to the workflow or the last time the clock passed a running task's expected finish
 */
public record WorkflowStatus(String workflowId, String goal, WorkflowPhase phase, Instant createdAt,
                             Instant updatedAt, long lastSeq, int taskCount, double progressPercent,
                             StatusCounts counts, List<PoolCounts> pools, List<TaskView> tasks,
                             List<BlockedTask> blocked, Optional<ScheduleView> schedule) {
}
