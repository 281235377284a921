package dev.pce.engine.service;

import java.util.List;

/**
 * The answer to a completion or failure report.
 *
 * @param duplicate   the same report was already recorded; nothing changed
 * @param willRetry   for a failure: the task went back to its pool
 * @param nowReady    dependents that became claimable
 * @param nowBlocked  dependents that can no longer run
 */
public record TaskResult(String workflowId, TaskView task, boolean duplicate, boolean willRetry,
                         List<String> nowReady, List<String> nowBlocked, WorkflowPhase workflowPhase,
                         double progressPercent) {
}
