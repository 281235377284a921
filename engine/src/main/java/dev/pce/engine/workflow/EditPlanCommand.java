package dev.pce.engine.workflow;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.PlanEdit;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Edits a running workflow's plan: the edits are applied in order and the edited plan is checked as a whole, like a
 * new plan (no cycle, no unknown task, within the workflow's limits), and classified by the same rules; nothing is
 * recorded unless all of it holds. Tasks done or held under a live claim are protected. The same request id again
 * records nothing; the same id with other edits is refused.
 *
 * <p>Relations the rules cannot see from the tasks (a planned task that must also wait for a re-review) are kept:
 * those of the plan before the edit that its classification does not give, carried over to a split task's
 * subtasks, unless the request drops them.
 */
public record EditPlanCommand(String requestId, List<PlanEdit> edits, String reason, String agent,
                              DependencyClassifier classifier) implements Command {

    public EditPlanCommand {
        Objects.requireNonNull(requestId, "requestId");
        edits = List.copyOf(edits);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        String digest = digest();
        Optional<String> earlier = state.editRequest(requestId);
        if (earlier.isPresent()) {
            if (earlier.get().equals(digest)) {
                return List.of(); // the same request again: done before
            }
            throw new CeException(ErrorCode.CONFLICT, "Request '" + Ids.clip(requestId) + "' of workflow "
                    + state.workflowId() + " was recorded before with other edits.", "Give this edit a new "
                    + "request_id; ce_events with types [\"" + PlanEdited.TYPE + "\"] shows what the earlier one did.");
        }
        EditedPlan edited = new EditedPlan(state, now);
        for (int i = 0; i < edits.size(); i++) {
            edited.apply(i, edits.get(i));
        }
        if (!edited.refusals().isEmpty()) {
            throw new CeException(ErrorCode.CONFLICT, "Edit refused, nothing was changed: " + String.join("; ",
                    edited.refusals()) + ".", "Leave done tasks and tasks under a live claim out of the edit: add "
                    + "a new task instead of changing a done one; a claimed task can be edited once its agent "
                    + "reports it (ce_complete, or ce_fail with retryable true to release it) or its lease runs out.");
        }
        if (!edited.problems().isEmpty()) {
            throw new CeException(ErrorCode.INVALID_PLAN, "Edit rejected, nothing was changed: " + String.join("; ",
                    edited.problems()) + ".", "Correct the listed edits (task ids as ce_status lists them) and "
                    + "send the request again.");
        }
        List<TaskSpec> resolved = PlanValidator.validate(state.goal(), edited.tasks(), PlanCapacity.WORKFLOW);
        List<ClassifiedEdge> before = state.relations().edges();
        List<ClassifiedEdge> after = new ArrayList<>(classifier.classify(resolved, Cancellation.none(),
                PlanCapacity.WORKFLOW.maxEdges()));
        after.addAll(keptRelations(state, before, resolved, edited));
        PlanCapacity.WORKFLOW.requireEdges(after);
        Scheduler.plan(resolved, after, PoolSlots.defaults()); // refuses a cycle the rules' relations would close
        PlanEdited payload = payload(state, digest, resolved, before, after);
        PlanCapacity.WORKFLOW.requireEventFits(payload, payload.added().size() + payload.changed().size(),
                payload.edgesAdded().size());
        return List.of(new NewEvent(agent, payload));
    }

    /** The relations of the plan before that its classification does not give, where their tasks still are. */
    private List<ClassifiedEdge> keptRelations(WorkflowState state, List<ClassifiedEdge> before,
                                               List<TaskSpec> resolved, EditedPlan edited) {
        List<TaskSpec> unedited = state.tasks().stream().map(TaskState::spec).toList();
        Set<ClassifiedEdge> classified = new HashSet<>(classifier.classify(unedited, Cancellation.none(),
                PlanCapacity.WORKFLOW.maxEdges()));
        Set<String> ids = resolved.stream().map(TaskSpec::id).collect(Collectors.toSet());
        Set<ClassifiedEdge> kept = new LinkedHashSet<>();
        for (ClassifiedEdge edge : before) {
            if (classified.contains(edge)) {
                continue;
            }
            for (String from : carried(edge.from(), edited, true)) {
                for (String to : carried(edge.to(), edited, false)) {
                    if (ids.contains(from) && ids.contains(to) && !from.equals(to) && !edited.drops(from, to)) {
                        kept.add(new ClassifiedEdge(from, to, edge.edgeClass(), edge.reason(), edge.rule(),
                                edge.resource()));
                    }
                }
            }
        }
        return List.copyOf(kept);
    }

    /** The tasks a relation of {@code taskId} now belongs to: the task, or for a split one its last (or first). */
    private static List<String> carried(String taskId, EditedPlan edited, boolean outOf) {
        return edited.split(taskId).map(split -> outOf ? split.last() : split.first()).orElse(List.of(taskId));
    }

    private PlanEdited payload(WorkflowState state, String digest, List<TaskSpec> resolved,
                               List<ClassifiedEdge> before, List<ClassifiedEdge> after) {
        Set<String> ids = resolved.stream().map(TaskSpec::id).collect(Collectors.toSet());
        List<String> removed = state.tasks().stream().map(TaskState::id).filter(id -> !ids.contains(id)).toList();
        List<TaskSpec> added = new ArrayList<>();
        List<TaskSpec> changed = new ArrayList<>();
        for (TaskSpec spec : resolved) {
            Optional<TaskState> existing = state.task(spec.id());
            if (existing.isEmpty()) {
                added.add(spec);
            } else if (!existing.get().spec().equals(spec)) {
                changed.add(spec);
            }
        }
        Set<ClassifiedEdge> old = new HashSet<>(before);
        Set<ClassifiedEdge> now = new LinkedHashSet<>(after);
        List<ClassifiedEdge> edgesAdded = now.stream().filter(edge -> !old.contains(edge)).toList();
        List<ClassifiedEdge> edgesRemoved = before.stream().filter(edge -> !now.contains(edge)).distinct().toList();
        return new PlanEdited(requestId, digest, reason, edits.stream().map(PlanEdit::describe).toList(), added,
                removed, changed, edgesAdded, edgesRemoved);
    }

    /** The request's edits condensed: equal for the same edits, in the same order. */
    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PlanEdit edit : edits) {
                sha.update(edit.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
