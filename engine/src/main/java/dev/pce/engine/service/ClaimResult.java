package dev.pce.engine.service;

import dev.pce.engine.workflow.ClaimPlan;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a claim: a task with its lease, or why there is none right now.
 *
 * @param expiredLeases tasks whose leases ran out and were returned to their pools by this call
 * @param held          when nothing was claimed because the live schedule keeps the pool's free slot (or a file) for a
 *                      task ready soon: the ready task kept back, the task it waits for and when that starts
 */
public record ClaimResult(String workflowId, boolean claimed, Optional<ClaimedTask> task, String message,
                          PoolCounts pool, WorkflowPhase workflowPhase, List<String> expiredLeases,
                          Optional<ClaimPlan.Hold> held) {
}
