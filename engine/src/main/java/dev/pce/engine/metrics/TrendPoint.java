package dev.pce.engine.metrics;

import dev.pce.engine.service.WorkflowPhase;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One workflow in the workspace's trends: the headline figures, in the order the workflows were planned.
 *
 * @param start the first claim; empty for a workflow planned but not started, whose makespan of 0 is no measure
 */
public record TrendPoint(String workflowId, Optional<Instant> plannedAt, Optional<WorkflowPhase> phase,
                         Optional<Instant> start, double makespanSeconds, OptionalDouble speedup,
                         OptionalDouble gatePassRate, OptionalDouble failureRate) {

    static TrendPoint of(WorkflowMetrics workflow) {
        return new TrendPoint(workflow.workflowId(), workflow.plannedAt(), workflow.phase(), workflow.start(),
                workflow.makespanSeconds(), workflow.speedup(), workflow.gatePassRate(),
                workflow.attempts().failureRate());
    }
}
