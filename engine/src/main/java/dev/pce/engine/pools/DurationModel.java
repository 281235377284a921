package dev.pce.engine.pools;

import dev.pce.engine.model.TaskSpec;

import java.util.List;

/**
 * The time a task is expected to take by history: the planner's estimate x its kind's actual/estimated ratio x its
 * pool's overhead (failures, retries and added work). From the planner's estimate, not a learned correction of it,
 * so a bias learning already corrected is not applied twice.
 */
record DurationModel(PoolHistory history) {

    double minutes(TaskSpec plannerTask) {
        return plannerTask.estimateMinutes() * history.ratioOf(plannerTask.kind())
                * history.overheadOf(plannerTask.pool());
    }

    /** The tasks with the expected times as their estimates, in the same order. */
    List<TaskSpec> expected(List<TaskSpec> plannerTasks) {
        return plannerTasks.stream().map(task -> task.withEstimate(minutes(task))).toList();
    }
}
