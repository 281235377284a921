package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.Topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a plan's structure and fills in derived fields. Every problem found is reported at once (up to a bound),
 * each naming the task and field, so a planner can fix the whole plan in one round.
 */
public final class PlanValidator {
    private static final int MAX_REPORTED = 20;
    private static final double MAX_ESTIMATE_MINUTES = 60.0 * 24 * 365;

    private PlanValidator() {
    }

    /**
     * Returns the tasks with their pools resolved. A task whose {@code pool} is empty gets the pool of its kind.
     *
     * @throws CeException {@link ErrorCode#INVALID_PLAN} listing every problem
     */
    public static List<TaskSpec> validate(String goal, List<TaskSpec> tasks) {
        return validate(goal, tasks, PlanCapacity.PLAN);
    }

    /** A valid plan: its tasks with their pools resolved, and each task's position by id. */
    public record ValidPlan(List<TaskSpec> tasks, Map<String, Integer> positions) {
    }

    /**
     * As {@link #validate(String, List)}, with the index of the task ids validation builds, for the scheduler to
     * take instead of indexing the tasks again.
     */
    public static ValidPlan validPlan(String goal, List<TaskSpec> tasks) {
        return check(goal, tasks, PlanCapacity.PLAN);
    }

    /**
     * As {@link #validate(String, List)}, for what {@code capacity} may hold: a workflow holds more than its plan,
     * so that a full plan still takes the remediation and rework tasks PCE adds to it.
     */
    public static List<TaskSpec> validate(String goal, List<TaskSpec> tasks, PlanCapacity capacity) {
        return check(goal, tasks, capacity).tasks();
    }

    private static ValidPlan check(String goal, List<TaskSpec> tasks, PlanCapacity capacity) {
        List<String> problems = new ArrayList<>();
        if (goal.isBlank()) {
            problems.add("goal is empty");
        }
        if (tasks.isEmpty()) {
            throw invalid(List.of("the plan has no tasks"), "Give at least one task.");
        }
        if (tasks.size() > capacity.maxTasks()) {
            throw invalid(List.of("the " + capacity.name() + " has " + tasks.size() + " tasks, more than "
                    + capacity.maxTasks()), "Split the goal into several workflows.");
        }
        // counted before anything else looks at the dependencies and paths: the counts bound that work
        capacity.declaredProblem(tasks).ifPresent(problem -> {
            throw invalid(List.of(problem), PlanCapacity.declaredFix());
        });
        capacity.referencesProblem(tasks).ifPresent(problem -> {
            throw invalid(List.of(problem), PlanCapacity.referencesFix());
        });
        Map<String, Integer> firstIndex = HashMap.newHashMap(tasks.size());
        List<TaskSpec> resolved = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            Integer earlier = firstIndex.putIfAbsent(task.id(), i);
            if (earlier != null) {
                problems.add(where(i, task) + ": duplicate id, already used by tasks[" + earlier + "]");
            }
            if (task.title().isBlank()) {
                problems.add(where(i, task) + ": title is empty");
            }
            if (!(task.estimateMinutes() > 0) || task.estimateMinutes() > MAX_ESTIMATE_MINUTES) {
                problems.add(where(i, task) + ": estimate must be more than 0 and at most one year of minutes, got "
                        + task.estimateMinutes());
            }
            resolved.add(withPool(task, i, problems));
        }
        // each dependency looked up once: for the unknown ones here, for the cycle search below
        int[][] dependencies = new int[tasks.size()][];
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            dependencies[i] = new int[task.dependsOn().size()];
            for (int k = 0; k < dependencies[i].length; k++) {
                String dependency = task.dependsOn().get(k);
                Integer position = firstIndex.get(dependency);
                dependencies[i][k] = position == null ? -1 : position;
                if (dependency.equals(task.id())) {
                    problems.add("tasks[" + i + "] ('" + Ids.clip(task.id()) + "') depends on itself");
                } else if (position == null) {
                    problems.add("tasks[" + i + "] ('" + Ids.clip(task.id()) + "') depends on unknown task '"
                            + Ids.clip(dependency) + "'");
                }
            }
        }
        if (problems.isEmpty()) {
            Optional<List<String>> cycle = Topology.findCycle(tasks, dependencies);
            cycle.ifPresent(ids -> problems.add("dependency cycle: " + String.join(" -> ", ids)
                    + " (each task depends on the next)"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems, "Correct the listed tasks and call ce_plan again; nothing was stored.");
        }
        return new ValidPlan(resolved, Collections.unmodifiableMap(firstIndex));
    }

    /** Where a task's problem is, for the message; built only for a problem (100,000 tasks have none). */
    private static String where(int index, TaskSpec task) {
        return "tasks[" + index + "] (id '" + Ids.clip(task.id()) + "')";
    }

    private static TaskSpec withPool(TaskSpec task, int index, List<String> problems) {
        if (!task.pool().isEmpty()) {
            return task;
        }
        Optional<String> pool = Pools.poolForKind(task.kind());
        if (pool.isEmpty()) {
            problems.add(where(index, task) + ": kind '" + Ids.clip(task.kind()) + "' has no default pool; name a pool or use "
                    + "one of " + Pools.knownKinds());
            return task;
        }
        return task.withPool(pool.get());
    }

    private static CeException invalid(List<String> problems, String fix) {
        StringBuilder message = new StringBuilder("Plan rejected: ");
        int shown = Math.min(problems.size(), MAX_REPORTED);
        if (problems.size() == 1) {
            message.append(problems.get(0)).append('.');
        } else {
            message.append(problems.size()).append(" problems:");
            for (int i = 0; i < shown; i++) {
                message.append(' ').append(i + 1).append(") ").append(problems.get(i)).append(';');
            }
            if (problems.size() > shown) {
                message.append(" and ").append(problems.size() - shown).append(" more;");
            }
            message.setCharAt(message.length() - 1, '.');
        }
        return new CeException(ErrorCode.INVALID_PLAN, message.toString(), fix);
    }
}
