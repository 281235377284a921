package dev.pce.engine.workflow;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds tasks to a running workflow (remediation for a failed gate, rework after a failed review). The new tasks
 * are validated with the plan's tasks as one plan and their relations classified by the same rules. Repeating a
 * request whose tasks are all there already appends nothing, so a retried call cannot add them twice.
 *
 * @param cause      what asked for them (a gate or review id), recorded with the event
 * @param extraEdges relations the rules cannot see from the tasks alone (a planned task that must now also wait
 *                   for a re-review), added as given
 */
public record AddTasksCommand(List<TaskSpec> tasks, String reason, String cause, String agent,
                              DependencyClassifier classifier, List<ClassifiedEdge> extraEdges) implements Command {

    public AddTasksCommand(List<TaskSpec> tasks, String reason, String cause, String agent,
                           DependencyClassifier classifier) {
        this(tasks, reason, cause, agent, classifier, List.of());
    }

    public AddTasksCommand {
        tasks = List.copyOf(tasks);
        extraEdges = List.copyOf(extraEdges);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        Set<String> newIds = tasks.stream().map(TaskSpec::id).collect(Collectors.toSet());
        List<String> existing = newIds.stream().filter(id -> state.task(id).isPresent()).sorted().toList();
        if (!existing.isEmpty() && existing.size() == newIds.size()) {
            return List.of(); // added before: a repeat
        }
        if (!existing.isEmpty()) {
            throw new CeException(ErrorCode.CONFLICT, "The workflow " + state.workflowId() + " already has tasks "
                    + String.join(", ", existing) + ".", "Give the new tasks ids the plan does not use.");
        }
        List<TaskSpec> all = new ArrayList<>(state.tasks().stream().map(TaskState::spec).toList());
        all.addAll(tasks);
        List<TaskSpec> resolved = PlanValidator.validate(state.goal(), all, PlanCapacity.WORKFLOW);
        List<ClassifiedEdge> edges = new ArrayList<>(classifier.classify(resolved, Cancellation.none(),
                        PlanCapacity.WORKFLOW.maxEdges()).stream()
                .filter(edge -> newIds.contains(edge.from()) || newIds.contains(edge.to())).toList());
        edges.addAll(extraEdges);
        List<ClassifiedEdge> allEdges = new ArrayList<>(state.relations().edges());
        allEdges.addAll(edges);
        PlanCapacity.WORKFLOW.requireEdges(allEdges);
        Scheduler.plan(resolved, allEdges, PoolSlots.defaults()); // refuses a cycle the new relations would close
        List<TaskSpec> added = resolved.subList(resolved.size() - tasks.size(), resolved.size());
        TasksAdded payload = new TasksAdded(added, edges, reason, cause);
        PlanCapacity.WORKFLOW.requireEventFits(payload, added.size(), edges.size());
        return List.of(new NewEvent(agent, payload));
    }
}
