package dev.pce.engine.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.workflow.EstimateRevision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One task as callers see it. The plan itself (dependencies, files) is in the workflow's plan; the view carries what
 * changes. Empty lists, zero attempts and a live lease are left out of the JSON: on a plan of thousands of tasks
 * they would make up most of a status answer.
 *
 * @param waitingFor   dependencies not done yet (waiting or blocked tasks)
 * @param leaseExpired the task is claimed on paper but its lease ran out: it is claimable again
 * @param completedBy    the agent that completed it
 * @param partialOutputs artifacts published with ce_progress and not rolled back
 * @param estimateRevised when a recorded reschedule revised the estimate ({@code estimateMinutes} is the revised
 *                        one): the estimate before, the rule and the conflict that decided it
 */
public record TaskView(String id, String title, String kind, String pool, TaskStatus status, double estimateMinutes,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> waitingFor,
                       Optional<String> claimedBy, Optional<Instant> leaseUntil,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean leaseExpired,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) int attempts,
                       Optional<String> completedBy, Optional<String> summary, Optional<String> lastFailure,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> partialOutputs,
                       Optional<EstimateRevision> estimateRevised) {

    public TaskView {
        // read back from JSON that left the empty lists out
        waitingFor = waitingFor == null ? List.of() : waitingFor;
        partialOutputs = partialOutputs == null ? List.of() : partialOutputs;
        estimateRevised = estimateRevised == null ? Optional.empty() : estimateRevised;
    }
}
