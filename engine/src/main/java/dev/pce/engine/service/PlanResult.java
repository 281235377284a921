package dev.pce.engine.service;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.ScheduleView;

import java.util.List;

/**
 * A stored plan: the new workflow's id, the plan as stored (pools resolved), the classified relations between its
 * tasks, what can start right away, and the expected schedule (ETA, speedup, critical path, waves).
 */
public record PlanResult(String workflowId, String goal, int taskCount, List<TaskSpec> tasks,
                         List<ClassifiedEdge> edges, List<String> readyNow, List<PoolCounts> pools,
                         ScheduleView schedule, String eventLog) {
}
