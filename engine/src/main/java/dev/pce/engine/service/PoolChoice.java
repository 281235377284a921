package dev.pce.engine.service;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;

import java.util.List;
import java.util.Map;

/**
 * Chooses the agents per pool a new plan is scheduled with, once its relations are classified: the configured ones,
 * or sizes recommended for this plan.
 */
@FunctionalInterface
public interface PoolChoice {
    /** The configured agents, whatever the plan. */
    PoolChoice CONFIGURED = (tasks, edges, plannerEstimates, configured) -> configured;

    /**
     * @param tasks            the validated plan (estimates as scheduled, possibly corrected by learning)
     * @param plannerEstimates the planner's own estimate of each task whose estimate was corrected
     * @param configured       the agents per pool the service was configured with
     */
    PoolSlots choose(List<TaskSpec> tasks, List<ClassifiedEdge> edges, Map<String, Double> plannerEstimates,
                     PoolSlots configured);
}
