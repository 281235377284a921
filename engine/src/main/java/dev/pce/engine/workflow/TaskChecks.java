package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.model.Withdrawal;

import java.util.Optional;

/** The checks shared by commands that act on a claimed task. */
final class TaskChecks {

    private TaskChecks() {
    }

    static TaskState existing(WorkflowState state, String taskId) {
        return state.task(taskId).orElseThrow(() -> new CeException(ErrorCode.UNKNOWN_TASK,
                "Workflow " + state.workflowId() + " has no task '" + taskId + "'.",
                "Use a task id from ce_status or from the ce_claim answer."));
    }

    /**
     * Work under {@code claimId} that PCE took back (a claim revoked, a completion reopened) is refused with the
     * reason, whatever the task's state is now: its agent learns why on its next report.
     */
    static void notWithdrawn(WorkflowState state, TaskState task, String claimId) {
        Optional<Withdrawal> withdrawal = task.withdrawalOf(claimId);
        if (withdrawal.isEmpty()) {
            return;
        }
        Withdrawal taken = withdrawal.get();
        throw new CeException(ErrorCode.CONFLICT, "Task '" + task.id() + "' of workflow " + state.workflowId()
                + (taken.completed() ? " was reopened at " + taken.at() + " after it was completed under claim "
                : " had its claim revoked at " + taken.at() + ", so nothing more is taken under claim ")
                + claimId + ": " + taken.reason() + ".", "Stop working on it and drop what it produced: the task waits "
                + "for its prerequisites again, or is blocked if one failed for good (ce_status shows which). Call "
                + "ce_claim for other work.");
    }

    /** The task's live claim must be the caller's; otherwise explain whose it is or why there is none. */
    static Claim heldBy(WorkflowState state, TaskState task, String claimId, String action) {
        notWithdrawn(state, task, claimId);
        String where = "Task '" + task.id() + "' of workflow " + state.workflowId();
        if (task.claim().isEmpty()) {
            throw new CeException(ErrorCode.CONFLICT, where + " is not claimed, so it cannot be " + action
                    + " under claim " + claimId + " (the lease may have expired and the task gone back to its pool).",
                    "Claim it again with ce_claim and redo the work, or check ce_status.");
        }
        Claim claim = task.claim().get();
        if (!claim.claimId().equals(claimId)) {
            throw new CeException(ErrorCode.CONFLICT, where + " is held by " + claim.agent() + " under claim "
                    + claim.claimId() + ", not " + claimId + "; your lease expired and the task was claimed again.",
                    "Stop working on it; call ce_claim for another task.");
        }
        return claim;
    }
}
