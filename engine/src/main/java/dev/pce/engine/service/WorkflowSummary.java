package dev.pce.engine.service;

import java.time.Instant;

/** One line per workflow, for listings. */
public record WorkflowSummary(String workflowId, String goal, WorkflowPhase phase, Instant createdAt,
                              Instant updatedAt, int taskCount, double progressPercent, StatusCounts counts) {
}
