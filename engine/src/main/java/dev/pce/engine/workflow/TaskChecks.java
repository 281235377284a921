package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.TaskState;

/** The checks shared by commands that act on a claimed task. */
final class TaskChecks {

    private TaskChecks() {
    }

    static TaskState existing(WorkflowState state, String taskId) {
        return state.task(taskId).orElseThrow(() -> new CeException(ErrorCode.UNKNOWN_TASK,
                "Workflow " + state.workflowId() + " has no task '" + taskId + "'.",
                "Use a task id from ce_status or from the ce_claim answer."));
    }

    /** The task's live claim must be the caller's; otherwise explain whose it is or why there is none. */
    static Claim heldBy(WorkflowState state, TaskState task, String claimId, String action) {
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
