package dev.pce.engine.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.Completion;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claimant reports a task done. Repeating the same completion (same claim) is a no-op, so an agent may
 * safely retry after a lost answer. A completion after the lease ran out is kept as long as nobody else has
 * claimed the task meanwhile.
 */
public record CompleteCommand(String taskId, String claimId, String agent, String summary, List<String> artifacts,
                              JsonNode data) implements TaskCommand {

    public CompleteCommand {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(summary, "summary");
        artifacts = List.copyOf(artifacts);
        Objects.requireNonNull(data, "data");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        TaskState task = TaskChecks.existing(state, taskId);
        TaskChecks.notWithdrawn(state, task, claimId);
        String where = "Task '" + taskId + "' of workflow " + state.workflowId();
        switch (task.phase()) {
            case DONE -> {
                Completion done = task.completion().orElseThrow();
                if (done.claimId().equals(claimId)) {
                    return List.of();
                }
                throw new CeException(ErrorCode.CONFLICT, where + " was already completed by " + done.agent()
                        + " at " + done.at() + ".", "Nothing to do; claim the next task with ce_claim.");
            }
            case FAILED -> throw new CeException(ErrorCode.CONFLICT, where + " failed for good at "
                    + task.lastFailure().orElseThrow().at() + " and cannot be completed.",
                    "Plan a new task for the remaining work.");
            case PENDING, CLAIMED -> {
                Claim claim = TaskChecks.heldBy(state, task, claimId, "completed");
                return List.of(new NewEvent(agent, new TaskCompleted(taskId, claimId, summary, artifacts, data,
                        claim.expiredAt(now))));
            }
        }
        throw new IllegalStateException("unreachable phase " + task.phase());
    }
}
