package dev.pce.rules.dependency;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plan's tasks into the facts the dependency rules reason over, and keeps the declared dependencies as
 * positions too (for the cycle check and the declared order graph, without looking each task up again).
 */
final class PlanFacts {
    /**
     * Producers of one interface beyond which the plan is refused here: each pair of them is a conflict the rules
     * would report, and a thousand producers are half a million pairs built before any is reported.
     */
    static final int MAX_PRODUCERS = 10;

    private final List<Object> all;
    private final PositionEdges declared;
    private final BitSet reviews;

    private PlanFacts(List<Object> all, PositionEdges declared, BitSet reviews) {
        this.all = all;
        this.declared = declared;
        this.reviews = reviews;
    }

    /** Every fact for the plan: tasks, declared dependencies, file accesses (with enclosing directories), interfaces. */
    List<Object> all() {
        return all;
    }

    /** The declared dependencies, in the order of their facts, all hard (as the declared order graph takes them). */
    PositionEdges declared() {
        return declared;
    }

    /** Whether the task at {@code position} is a review (runs in the reviewers pool), as its TaskFact says. */
    boolean isReview(int position) {
        return reviews.get(position);
    }

    static PlanFacts of(TaskIndex index, List<TaskSpec> tasks) {
        rejectManyProducers(tasks);
        List<Object> facts = new ArrayList<>(tasks.size() * 8);
        PositionEdges declared = new PositionEdges(tasks.size() * 2);
        BitSet reviews = new BitSet(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            TaskSpec task = tasks.get(i);
            TaskFact fact = new TaskFact(task.id(), i, task.kind(), task.pool(), Pools.REVIEWERS.equals(task.pool()));
            facts.add(fact);
            reviews.set(i, fact.reviewer());
            for (String dependency : distinct(task.dependsOn())) {
                if (!index.contains(dependency) || dependency.equals(task.id())) {
                    // the port takes validated plans; say so plainly if one slips through
                    throw new CeException(ErrorCode.INVALID_PLAN, "Task '" + task.id() + "' depends on "
                            + (dependency.equals(task.id()) ? "itself." : "unknown task '" + dependency + "'."),
                            "Validate the plan (PlanValidator) before classifying its dependencies.");
                }
                EdgeClass type = task.dependencyTypes().get(dependency);
                int from = index.position(dependency);
                // the task's own id, the same string instance as everywhere else: looking it up again is then cheap
                facts.add(new DeclaredDependency(index.id(from), task.id(),
                        type == null ? DeclaredType.UNTYPED : DeclaredType.of(type)));
                declared.add(from, i, true);
            }
            for (Map.Entry<String, EdgeClass> type : task.dependencyTypes().entrySet()) {
                if (!task.dependsOn().contains(type.getKey())) {
                    throw new CeException(ErrorCode.INVALID_PLAN, "Task '" + task.id() + "' declares the type '"
                            + type.getValue().wireName() + "' for a dependency on '" + type.getKey()
                            + "', which is not in its depends_on.",
                            "Add '" + type.getKey() + "' to depends_on of '" + task.id() + "', or drop the type.");
                }
            }
            addAccesses(facts, task.id(), i, task.reads(), AccessMode.READ);
            addAccesses(facts, task.id(), i, task.writes(), AccessMode.WRITE);
            for (String name : distinct(task.produces())) {
                facts.add(new InterfaceUse(task.id(), i, name, InterfaceRole.PRODUCES));
            }
            for (String name : distinct(task.consumes())) {
                facts.add(new InterfaceUse(task.id(), i, name, InterfaceRole.CONSUMES));
            }
        }
        return new PlanFacts(facts, declared, reviews);
    }

    /** The conflict the rule interface-produced-twice reports pair by pair, said once for many producers. */
    private static void rejectManyProducers(List<TaskSpec> tasks) {
        Map<String, List<String>> producers = new LinkedHashMap<>();
        for (TaskSpec task : tasks) {
            for (String name : distinct(task.produces())) {
                producers.computeIfAbsent(name, any -> new ArrayList<>()).add(task.id());
            }
        }
        for (Map.Entry<String, List<String>> entry : producers.entrySet()) {
            List<String> ids = entry.getValue();
            if (ids.size() > MAX_PRODUCERS) {
                throw new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: " + ids.size() + " tasks ('"
                        + String.join("', '", ids.subList(0, 3)) + "' and " + (ids.size() - 3) + " more) produce the"
                        + " interface '" + entry.getKey() + "', which has one producer.",
                        "Let one task produce '" + entry.getKey() + "' and the others consume it, or give their"
                                + " interfaces different names.");
            }
        }
    }

    /** The values in their order, each once; a list of one or none as it is (most tasks' lists). */
    private static List<String> distinct(List<String> values) {
        return values.size() < 2 ? values : List.copyOf(new LinkedHashSet<>(values));
    }

    private static void addAccesses(List<Object> facts, String task, int index, List<String> paths, AccessMode mode) {
        if (paths.isEmpty()) {
            return;
        }
        Set<String> seen = paths.size() == 1 ? null : new HashSet<>();
        for (String declared : paths) {
            // as FileOverlap compares paths, so the rules and the conflict report agree; a trailing "/" is a directory
            String path = FileOverlap.normalize(declared);
            if (path.isEmpty() || (seen != null && !seen.add(path))) {
                continue;
            }
            facts.add(new FileAccess(task, index, path, mode, path.endsWith("/")));
            for (int slash = path.indexOf('/'); slash >= 0 && slash < path.length() - 1;
                 slash = path.indexOf('/', slash + 1)) {
                facts.add(new PathWithin(task, index, mode, path.substring(0, slash + 1), path));
            }
        }
    }
}
