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
 * @param claimsRevoked for a withdrawn draft (a rolled-back partial output, a failure for good): the tasks among
 *                      {@code reopened} whose claim was revoked
 * @param reopened      for a withdrawn draft: every task that had started or completed on it, or on the output of
 *                      one that had, at any depth; each waits again, or is blocked after a failure for good
 */
public record TaskResult(String workflowId, TaskView task, boolean duplicate, boolean willRetry,
                         List<String> nowReady, List<String> nowBlocked, WorkflowPhase workflowPhase,
                         double progressPercent,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> claimsRevoked,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reopened) {

    public TaskResult {
        claimsRevoked = claimsRevoked == null ? List.of() : List.copyOf(claimsRevoked);
        reopened = reopened == null ? List.of() : List.copyOf(reopened);
    }
}
