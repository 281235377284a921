package dev.pce.engine.workflow;

import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.Completion;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes back when a task's drafts are withdrawn (its partial outputs rolled back, or the task failed for good
 * before it was done): every soft dependent that started or completed on them, and every task that in turn started
 * or completed on the output of one of those, at any depth. A running one loses its claim (its own partial outputs
 * are rolled back first, so nothing built on them keeps going); a completed one is reopened. Each goes back to
 * waiting, or to blocked when the withdrawing task failed for good, with an event that names the cause.
 */
final class DraftWithdrawal {

    private DraftWithdrawal() {
    }

    /**
     * The events that take the work back, prerequisites before dependents; none when nothing started on the drafts.
     *
     * @param state the state before the withdrawal is recorded
     * @param cause the task whose drafts are withdrawn; it is not done
     * @param what  what happened to the drafts, completing "it started on ...": "a partial output of api that was
     *              rolled back"
     */
    static List<NewEvent> cascade(WorkflowState state, String cause, String what) {
        Map<String, String> through = startedOnWithdrawn(state, cause);
        List<NewEvent> events = new ArrayList<>();
        if (through.isEmpty()) {
            return events;
        }
        for (String id : state.relations().topologicalOrder()) {
            String prerequisite = through.get(id);
            if (prerequisite == null) {
                continue;
            }
            TaskState task = state.task(id).orElseThrow();
            boolean done = task.phase() == TaskPhase.DONE;
            String on = prerequisite.equals(cause) ? what
                    : "the output of " + prerequisite + ", which went back because it rested on " + what;
            String reason = (done ? "it was completed on " : "it started on ") + on;
            if (done) {
                Completion completion = task.completion().orElseThrow();
                events.add(new NewEvent(ClaimCommand.SYSTEM_SOURCE, new TaskReopened(id, completion.claimId(),
                        completion.agent(), cause, reason)));
            } else {
                Claim claim = task.claim().orElseThrow();
                if (!task.partialOutputs().isEmpty()) {
                    events.add(new NewEvent(ClaimCommand.SYSTEM_SOURCE, new ProgressRolledBack(id, claim.claimId(),
                            "", "withdrawn with the claim: " + reason)));
                }
                events.add(new NewEvent(ClaimCommand.SYSTEM_SOURCE, new ClaimRevoked(id, claim.claimId(),
                        claim.agent(), reason, cause)));
            }
        }
        return events;
    }

    /**
     * Each task that started or completed on the withdrawn drafts, with the prerequisite whose output it rested on:
     * first {@code cause}'s soft dependents that are claimed or done ({@code cause} is not done, so they started on
     * a draft), then, through hard and soft edges alike, the claimed or done dependents of those.
     */
    private static Map<String, String> startedOnWithdrawn(WorkflowState state, String cause) {
        Map<String, String> through = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String dependent : softDependents(state, cause)) {
            if (started(state, dependent) && through.putIfAbsent(dependent, cause) == null) {
                queue.add(dependent);
            }
        }
        while (!queue.isEmpty()) {
            String withdrawn = queue.poll();
            for (String dependent : state.dependentsOf(withdrawn)) {
                if (started(state, dependent) && through.putIfAbsent(dependent, withdrawn) == null) {
                    queue.add(dependent);
                }
            }
        }
        return through;
    }

    /** {@code cause}'s dependents through a soft edge. */
    private static List<String> softDependents(WorkflowState state, String cause) {
        return state.dependentsOf(cause).stream().filter(dependent -> state.relations().prerequisites(dependent)
                .stream().anyMatch(p -> p.taskId().equals(cause) && p.edgeClass() == EdgeClass.SOFT)).toList();
    }

    /** Claimed (its lease live or run out but not taken over: its holder may still report) or done. */
    private static boolean started(WorkflowState state, String taskId) {
        TaskPhase phase = state.task(taskId).orElseThrow().phase();
        return phase == TaskPhase.CLAIMED || phase == TaskPhase.DONE;
    }
}
