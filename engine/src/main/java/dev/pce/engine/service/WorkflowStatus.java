package dev.pce.engine.service;

import java.time.Instant;
import java.util.List;

/** The full status of one workflow at one moment. */
public record WorkflowStatus(String workflowId, String goal, WorkflowPhase phase, Instant createdAt,
                             Instant updatedAt, long lastSeq, int taskCount, double progressPercent,
                             StatusCounts counts, List<PoolCounts> pools, List<TaskView> tasks,
                             List<BlockedTask> blocked) {
}
