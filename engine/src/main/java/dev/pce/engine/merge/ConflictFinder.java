package dev.pce.engine.merge;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskEvent;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TaskProgressed;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.workflow.WorkflowState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds a merged log with {@link WorkflowState} and finds the events the jobs' histories disagree on. Each job's
 * commands checked its events against that job's state only; against the merged state, an event the claim rules
 * would have refused (a second claim on a held task, a report under a claim that lost the task) is ignored: left
 * out of this fold, and reported.
 */
final class ConflictFinder {
    private final WorkflowState state;
    private final Map<String, List<Path>> origins;
    private final List<IgnoredEvent> ignored = new ArrayList<>();

    private ConflictFinder(String workflowId, Map<String, List<Path>> origins) {
        this.state = new WorkflowState(workflowId);
        this.origins = origins;
    }

    /**
     * @param events  the merged log, renumbered
     * @param origins the inputs each event id came from
     */
    static List<IgnoredEvent> find(String workflowId, List<Event> events, Map<String, List<Path>> origins) {
        ConflictFinder finder = new ConflictFinder(workflowId, origins);
        for (Event event : events) {
            Optional<IgnoredEvent> conflict = event.payload() instanceof TaskEvent taskEvent
                    ? finder.check(event, taskEvent)
                    : Optional.empty();
            conflict.ifPresentOrElse(finder.ignored::add, () -> finder.state.apply(event));
        }
        return List.copyOf(finder.ignored);
    }

    private Optional<IgnoredEvent> check(Event event, TaskEvent taskEvent) {
        Optional<TaskState> found = state.task(taskEvent.taskId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TaskState task = found.get();
        return switch (taskEvent) {
            case TaskClaimed claimed -> checkClaim(event, task, claimed);
            case TaskCompleted completed -> checkReport(event, task, completed.claimId(), true);
            case TaskFailed failed -> checkReport(event, task, failed.claimId(), true);
            case TaskProgressed progressed -> checkReport(event, task, progressed.claimId(), false);
            case ProgressRolledBack rolledBack -> checkReport(event, task, rolledBack.claimId(), false);
            // the fold itself releases only when the claim still holds
            default -> Optional.empty();
        };
    }

    private Optional<IgnoredEvent> checkClaim(Event event, TaskState task, TaskClaimed claimed) {
        if (task.phase() == TaskPhase.DONE || task.phase() == TaskPhase.FAILED) {
            String finishedBy = task.completion().map(done -> done.claimId())
                    .or(() -> task.lastFailure().map(failure -> failure.claimId())).orElse("?");
            return ignore(IgnoredEvent.Kind.CLAIM_OF_FINISHED_TASK, event, task.id(), "claim "
                    + claimed.claimId() + " came after the task was already " + task.phase().name().toLowerCase()
                    + " under claim " + finishedBy + "; the finished work stands");
        }
        Optional<Claim> held = task.claim().filter(claim -> !claim.expiredAt(event.time()));
        return held.flatMap(claim -> ignore(IgnoredEvent.Kind.CLAIM_WHILE_HELD, event, task.id(), "claim "
                + claimed.claimId() + " by " + claimed.agent() + " came while claim " + claim.claimId() + " by "
                + claim.agent() + " held the task until " + claim.leaseUntil() + "; the first claim wins"));
    }

    /** A report counts only under the claim that holds the task (a released task keeps a late completion). */
    private Optional<IgnoredEvent> checkReport(Event event, TaskState task, String claimId, boolean finishes) {
        if (finishes && (task.phase() == TaskPhase.DONE || task.phase() == TaskPhase.FAILED)) {
            return ignore(IgnoredEvent.Kind.TASK_ALREADY_FINISHED, event, task.id(), "the task was already "
                    + task.phase().name().toLowerCase() + " (claim " + task.claim().map(Claim::claimId).orElse("?")
                    + "); a task finishes once, the first report stands");
        }
        Optional<Claim> holder = task.claim().filter(claim -> !claim.claimId().equals(claimId));
        return holder.flatMap(claim -> ignore(IgnoredEvent.Kind.REPORT_UNDER_LOST_CLAIM, event, task.id(), "claim "
                + claimId + " does not hold the task: claim " + claim.claimId() + " by " + claim.agent()
                + " does, so the rules ignore this report"));
    }

    private Optional<IgnoredEvent> ignore(IgnoredEvent.Kind kind, Event event, String taskId, String reason) {
        return Optional.of(new IgnoredEvent(kind, event.id(), event.seq(), event.type(), taskId,
                origins.getOrDefault(event.id(), List.of()), reason));
    }
}
