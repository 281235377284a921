package dev.pce.engine.service;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a claim: a task with its lease, or why there is none right now.
 *
 * @param expiredLeases tasks whose leases ran out and were returned to their pools by this call
 */
public record ClaimResult(String workflowId, boolean claimed, Optional<ClaimedTask> task, String message,
                          PoolCounts pool, WorkflowPhase workflowPhase, List<String> expiredLeases) {
}
