package dev.pce.engine.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to a completion, failure or progress report.
 *
 * @param duplicate     the same report was already recorded; nothing changed
 * @param willRetry     for a failure: the task went back to its pool
 * @param nowReady      dependents that became claimable
 * @param nowBlocked    dependents that can no longer run
 * @param claimsRevoked for a rolled-back partial output: dependents that had started on it and wait again
 */
public record TaskResult(String workflowId, TaskView task, boolean duplicate, boolean willRetry,
                         List<String> nowReady, List<String> nowBlocked, WorkflowPhase workflowPhase,
                         double progressPercent,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> claimsRevoked) {

    public TaskResult {
        claimsRevoked = claimsRevoked == null ? List.of() : List.copyOf(claimsRevoked);
    }
}
