package dev.pce.engine.workflow;

import dev.pce.engine.model.Claim;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.PlanEdit;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow's tasks with a request's edits applied one after another, and what each edit could not do: a task
 * that is done or held under a live claim is protected (what has started or finished cannot be re-planned), and an
 * edit naming a task the plan does not have is a problem. Only the tasks' declarations change here; their relations
 * are classified afterwards, for the edited plan as a whole ({@link EditPlanCommand}).
 */
final class EditedPlan {
    private final WorkflowState state;
    private final Instant now;
    private final LinkedHashMap<String, TaskSpec> specs = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    /** For each split task, the subtasks its prerequisites lead into and those its dependents now wait for. */
    private final Map<String, Split> splits = new HashMap<>();
    /** Declared-or-not relations the request drops, as "prerequisite\ndependent". */
    private final Set<String> dropped = new HashSet<>();

    /** How a split task's relations carry over: into its first subtasks, out of its last ones. */
    record Split(List<String> first, List<String> last) {
    }

    EditedPlan(WorkflowState state, Instant now) {
        this.state = state;
        this.now = now;
        state.tasks().forEach(task -> specs.put(task.id(), task.spec()));
    }

    void apply(int index, PlanEdit edit) {
        String where = "edits[" + index + "] (" + edit.describe() + ")";
        switch (edit) {
            case PlanEdit.AddTask add -> add(where, add.task());
            case PlanEdit.RemoveTask remove -> remove(where, remove.taskId());
            case PlanEdit.Reestimate estimate -> {
                if (editable(where, estimate.taskId())) {
                    specs.put(estimate.taskId(), specs.get(estimate.taskId()).withEstimate(estimate.estimateMinutes()));
                }
            }
            case PlanEdit.SplitTask split -> split(where, split);
            case PlanEdit.AddDependency dependency -> addDependency(where, dependency);
            case PlanEdit.DropDependency dependency -> dropDependency(where, dependency);
        }
    }

    /** The tasks as edited, in plan order: new tasks and subtasks at the end, as the recorded edit folds them. */
    List<TaskSpec> tasks() {
        return List.copyOf(specs.values());
    }

    /** Edits that name no task, or a task twice: the request is not a plan (INVALID_PLAN). */
    List<String> problems() {
        return problems;
    }

    /** Edits of protected tasks: the request conflicts with the workflow's progress (CONFLICT). */
    List<String> refusals() {
        return refusals;
    }

    Optional<Split> split(String taskId) {
        return Optional.ofNullable(splits.get(taskId));
    }

    boolean drops(String prerequisite, String dependent) {
        return dropped.contains(prerequisite + '\n' + dependent);
    }

    private void add(String where, TaskSpec task) {
        if (specs.containsKey(task.id())) {
            problems.add(where + ": the plan already has a task '" + Ids.clip(task.id()) + "'");
            return;
        }
        specs.put(task.id(), task);
    }

    /** The removed task's dependents wait for its prerequisites instead: every order through it still holds. */
    private void remove(String where, String taskId) {
        if (!editable(where, taskId)) {
            return;
        }
        TaskSpec removed = specs.remove(taskId);
        replaceDependency(taskId, removed.dependsOn(), false);
    }

    private void split(String where, PlanEdit.SplitTask split) {
        if (!editable(where, split.taskId())) {
            return;
        }
        TaskSpec parent = specs.get(split.taskId());
        if (split.into().size() < 2) {
            problems.add(where + ": a split makes two or more subtasks, got " + split.into().size());
            return;
        }
        Set<String> ids = new HashSet<>();
        for (TaskSpec subtask : split.into()) {
            if (!ids.add(subtask.id()) || specs.containsKey(subtask.id())) {
                problems.add(where + ": subtask id '" + Ids.clip(subtask.id()) + "' is used twice or by another "
                        + "task of the plan");
                return;
            }
        }
        long sharing = split.into().stream().filter(subtask -> !(subtask.estimateMinutes() > 0)).count();
        double given = split.into().stream().mapToDouble(TaskSpec::estimateMinutes).filter(m -> m > 0).sum();
        double share = sharing == 0 ? 0 : Math.max(parent.estimateMinutes() - given, parent.estimateMinutes() / 10)
                / sharing;
        List<TaskSpec> subtasks = new ArrayList<>();
        Set<String> waitedFor = new HashSet<>();
        for (TaskSpec subtask : split.into()) {
            subtask.dependsOn().stream().filter(ids::contains).forEach(waitedFor::add);
        }
        List<String> first = new ArrayList<>();
        for (TaskSpec subtask : split.into()) {
            if (subtask.dependsOn().stream().noneMatch(ids::contains)) {
                first.add(subtask.id());
            }
            subtasks.add(inherit(parent, subtask, share));
        }
        List<String> last = split.into().stream().map(TaskSpec::id).filter(id -> !waitedFor.contains(id)).toList();
        specs.remove(parent.id());
        subtasks.forEach(subtask -> specs.put(subtask.id(), subtask));
        splits.put(parent.id(), new Split(first, last));
        replaceDependency(parent.id(), last, true);
    }

    /**
     * A subtask as declared, completed from its task: the kind, pool, files and interfaces it does not name, its
     * share of the estimate, and the task's prerequisites.
     */
    private static TaskSpec inherit(TaskSpec parent, TaskSpec subtask, double share) {
        boolean sameKind = subtask.kind().isEmpty() || subtask.kind().equals(parent.kind());
        boolean namesFiles = !subtask.reads().isEmpty() || !subtask.writes().isEmpty();
        List<String> dependsOn = new ArrayList<>(parent.dependsOn());
        subtask.dependsOn().stream().filter(id -> !dependsOn.contains(id)).forEach(dependsOn::add);
        Map<String, EdgeClass> types = new LinkedHashMap<>(parent.dependencyTypes());
        types.putAll(subtask.dependencyTypes());
        return new TaskSpec(subtask.id(), subtask.title(), sameKind ? parent.kind() : subtask.kind(),
                !subtask.pool().isEmpty() ? subtask.pool() : sameKind ? parent.pool() : "",
                subtask.estimateMinutes() > 0 ? subtask.estimateMinutes() : share,
                namesFiles ? subtask.reads() : parent.reads(), namesFiles ? subtask.writes() : parent.writes(),
                dependsOn, subtask.description(), types,
                subtask.produces().isEmpty() ? parent.produces() : subtask.produces(),
                subtask.consumes().isEmpty() ? parent.consumes() : subtask.consumes());
    }

    private void addDependency(String where, PlanEdit.AddDependency edit) {
        if (!known(where, edit.dependsOn()) || !editable(where, edit.taskId())) {
            return;
        }
        TaskSpec task = specs.get(edit.taskId());
        List<String> dependsOn = new ArrayList<>(task.dependsOn());
        if (!dependsOn.contains(edit.dependsOn())) {
            dependsOn.add(edit.dependsOn());
        }
        Map<String, EdgeClass> types = new LinkedHashMap<>(task.dependencyTypes());
        edit.type().ifPresent(type -> types.put(edit.dependsOn(), type));
        specs.put(task.id(), task.withDependencies(dependsOn, types));
        dropped.remove(edit.dependsOn() + '\n' + edit.taskId());
    }

    private void dropDependency(String where, PlanEdit.DropDependency edit) {
        if (!known(where, edit.dependsOn()) || !editable(where, edit.taskId())) {
            return;
        }
        TaskSpec task = specs.get(edit.taskId());
        boolean declared = task.dependsOn().contains(edit.dependsOn());
        if (!declared && state.relations().prerequisites(edit.taskId()).stream()
                .noneMatch(prerequisite -> prerequisite.taskId().equals(edit.dependsOn()))) {
            problems.add(where + ": '" + Ids.clip(edit.taskId()) + "' does not depend on '"
                    + Ids.clip(edit.dependsOn()) + "'");
            return;
        }
        List<String> dependsOn = new ArrayList<>(task.dependsOn());
        dependsOn.remove(edit.dependsOn());
        Map<String, EdgeClass> types = new LinkedHashMap<>(task.dependencyTypes());
        types.remove(edit.dependsOn());
        specs.put(task.id(), task.withDependencies(dependsOn, types));
        dropped.add(edit.dependsOn() + '\n' + edit.taskId());
    }

    /**
     * Every task that waited for {@code taskId} waits for {@code instead}: declared as it waited for the task when
     * {@code sameOutput} (a split task's last subtasks make its output), else left to the rules (a removed task's
     * prerequisites make other outputs).
     */
    private void replaceDependency(String taskId, List<String> instead, boolean sameOutput) {
        for (TaskSpec spec : List.copyOf(specs.values())) {
            int at = spec.dependsOn().indexOf(taskId);
            if (at < 0) {
                continue;
            }
            List<String> dependsOn = new ArrayList<>(spec.dependsOn());
            dependsOn.remove(at);
            Map<String, EdgeClass> types = new LinkedHashMap<>(spec.dependencyTypes());
            EdgeClass declared = types.remove(taskId);
            int insert = at;
            for (String replacement : instead) {
                if (!dependsOn.contains(replacement) && !replacement.equals(spec.id())) {
                    dependsOn.add(insert++, replacement);
                    if (declared != null && sameOutput) {
                        types.put(replacement, declared);
                    }
                }
            }
            specs.put(spec.id(), spec.withDependencies(dependsOn, types));
        }
    }

    private boolean known(String where, String taskId) {
        if (specs.containsKey(taskId)) {
            return true;
        }
        problems.add(where + ": the plan has no task '" + Ids.clip(taskId) + "'"
                + (state.task(taskId).isPresent() ? " any more (an earlier edit removed it)" : ""));
        return false;
    }

    /** A task of the plan that has not started: neither done nor held under a live claim. */
    private boolean editable(String where, String taskId) {
        if (!known(where, taskId)) {
            return false;
        }
        Optional<TaskState> task = state.task(taskId);
        if (task.isEmpty()) {
            return true; // added by this request
        }
        if (task.get().phase() == TaskPhase.DONE) {
            refusals.add(where + ": '" + Ids.clip(taskId) + "' is done; its work is finished and stays as it is");
            return false;
        }
        if (task.get().phase() == TaskPhase.CLAIMED && !task.get().claim().orElseThrow().expiredAt(now)) {
            Claim claim = task.get().claim().orElseThrow();
            refusals.add(where + ": '" + Ids.clip(taskId) + "' is held by " + claim.agent() + " under claim "
                    + claim.claimId() + " until " + claim.leaseUntil());
            return false;
        }
        return true;
    }
}
