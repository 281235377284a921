package dev.pce.engine.service;

import dev.pce.engine.model.TaskSpec;

import java.util.List;

/** A stored plan: the new workflow's id, the plan as stored (pools resolved), and what can start right away. */
public record PlanResult(String workflowId, String goal, int taskCount, List<TaskSpec> tasks, List<String> readyNow,
                         List<PoolCounts> pools, String eventLog) {
}
