package dev.pce.engine.metrics;

import dev.pce.engine.service.WorkflowPhase;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** One workflow in the workspace's trends: the headline figures, in the order the workflows were planned. */
public record TrendPoint(String workflowId, Optional<Instant> plannedAt, Optional<WorkflowPhase> phase,
                         double makespanSeconds, OptionalDouble speedup, OptionalDouble gatePassRate,
                         OptionalDouble failureRate) {

    static TrendPoint of(WorkflowMetrics workflow) {
        return new TrendPoint(workflow.workflowId(), workflow.plannedAt(), workflow.phase(),
                workflow.makespanSeconds(), workflow.speedup(), workflow.gatePassRate(),
                workflow.attempts().failureRate());
    }
}
