package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.TaskProgressed;
import dev.pce.engine.model.PartialOutput;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The claimant of a running task publishes a partial output (an artifact path), so tasks that depend on it softly
 * may start; or rolls partial outputs back ({@code rollback}). A rollback that leaves the task without any sends
 * every soft dependent that started or completed on them, and what started on their outputs in turn, back to
 * waiting (see {@link DraftWithdrawal}). Publishing the same artifact twice under one claim, or rolling back what is
 * not there, records nothing.
 *
 * @param artifact the artifact published or withdrawn; on rollback, empty withdraws every partial output
 */
public record ProgressCommand(String taskId, String claimId, String agent, String artifact, String note,
                              boolean rollback) implements TaskCommand {

    public ProgressCommand {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(artifact, "artifact");
        note = note == null ? "" : note;
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        TaskState task = TaskChecks.existing(state, taskId);
        TaskChecks.notWithdrawn(state, task, claimId);
        if (task.phase() != TaskPhase.CLAIMED) {
            throw new CeException(ErrorCode.CONFLICT, "Task '" + taskId + "' of workflow " + state.workflowId()
                    + " is " + task.phase().name().toLowerCase(Locale.ROOT)
                    + "; partial outputs belong to a running task.",
                    "Report progress while you hold the task's claim; a finished task reports with ce_complete.");
        }
        TaskChecks.heldBy(state, task, claimId, rollback ? "rolled back" : "reported in progress");
        return rollback ? rollBack(state, task) : publish(task);
    }

    private List<NewEvent> publish(TaskState task) {
        boolean known = task.partialOutputs().stream().map(PartialOutput::artifact).anyMatch(artifact::equals);
        return known ? List.of() : List.of(new NewEvent(agent, new TaskProgressed(taskId, claimId, artifact, note)));
    }

    private List<NewEvent> rollBack(WorkflowState state, TaskState task) {
        TaskState after = task.rolledBack(artifact);
        if (after.partialOutputs().size() == task.partialOutputs().size()) {
            return List.of();
        }
        String reason = note.isBlank() ? "partial output of " + taskId + " rolled back" : note;
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(agent, new ProgressRolledBack(taskId, claimId, artifact, reason)));
        if (!after.hasOutputForSoftDependents()) {
            events.addAll(DraftWithdrawal.cascade(state, taskId, "a partial output of " + taskId
                    + " that was rolled back" + (note.isBlank() ? "" : " (" + note + ")")));
        }
        return events;
    }
}
