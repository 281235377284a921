package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The claimant gives up on a task. A retryable failure returns the task to its pool until it has been attempted
 * {@link #MAX_ATTEMPTS} times; otherwise it fails for good and its dependents are blocked, including soft dependents
 * that started or completed on its partial outputs, and what started on theirs (see {@link DraftWithdrawal}).
 */
public record FailCommand(String taskId, String claimId, String agent, String reason, boolean retryable)
        implements TaskCommand {
    public static final int MAX_ATTEMPTS = 3;

    public FailCommand {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        TaskState task = TaskChecks.existing(state, taskId);
        String where = "Task '" + taskId + "' of workflow " + state.workflowId();
        // a repeat (after a lost answer) may come after later attempts failed too: any recorded failure counts
        if (task.failedUnder(claimId)) {
            return List.of();
        }
        TaskChecks.notWithdrawn(state, task, claimId);
        switch (task.phase()) {
            case DONE -> throw new CeException(ErrorCode.CONFLICT, where + " is already done ("
                    + task.completion().orElseThrow().agent() + ").", "Nothing to report; claim the next task.");
            case FAILED -> throw new CeException(ErrorCode.CONFLICT, where + " has already failed for good.",
                    "Nothing to report; claim the next task.");
            case PENDING, CLAIMED -> {
                TaskChecks.heldBy(state, task, claimId, "failed");
                boolean willRetry = retryable && task.attempts() < MAX_ATTEMPTS;
                List<NewEvent> events = new ArrayList<>();
                events.add(new NewEvent(agent, new TaskFailed(taskId, claimId, reason, retryable, willRetry)));
                if (!willRetry) {
                    events.addAll(DraftWithdrawal.cascade(state, taskId, "a partial output of " + taskId
                            + ", which failed for good (" + reason + ")"));
                }
                return events;
            }
        }
        throw new IllegalStateException("unreachable phase " + task.phase());
    }
}
