package dev.pce.engine.service;

import dev.pce.engine.model.TaskStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One task as callers see it.
 *
 * @param waitingFor   dependencies not done yet
 * @param leaseExpired the task is claimed on paper but its lease ran out: it is claimable again
 * @param completedBy  the agent that completed it
 */
public record TaskView(String id, String title, String kind, String pool, TaskStatus status, double estimateMinutes,
                       List<String> dependsOn, List<String> waitingFor, Optional<String> claimedBy,
                       Optional<String> claimId, Optional<Instant> leaseUntil, boolean leaseExpired, int attempts,
                       Optional<String> completedBy, Optional<String> summary, Optional<String> lastFailure) {
}
