package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as the scheduler sees it: tasks by index in plan order, order edges split into hard and soft, and the
 * resource partners of each task. Feedback edges are not scheduling edges and are dropped.
 *
 * <p>The graph only grows: {@link Scheduler} appends tasks added during a workflow, so indexes stay stable and
 * nothing computed for the existing tasks has to be thrown away.
 *
 * <p><b>Soft edges.</b> A soft dependent may start once its prerequisite has done {@link #SOFT_START_FRACTION} of
 * its work (the partial output it reports), and may not finish before the prerequisite finishes: if it would, it
 * holds its slot and waits, since it must integrate the final output.
 */
public final class TaskGraph {
    /** Share of a prerequisite's work after which a soft dependent may start. */
    public static final double SOFT_START_FRACTION = 0.5;

    private final List<TaskSpec> tasks;
    /** The positions of the tasks the graph was made with, when the caller had them (never changed); else empty. */
    private final Map<String, Integer> given;
    /** The index of every other task: all of them when no positions were given, and tasks appended later. */
    private final Map<String, Integer> indexOf;
    /** The positions the plan's edges name, by edge, when the positions were given; else null. */
    private PlanPositions positions;
    private final List<Ints> hardSuccessors;
    private final List<Ints> softSuccessors;
    private final List<Ints> hardPredecessors;
    private final List<Ints> softPredecessors;
    private final List<Ints> partners;

    /** An empty graph with room for {@code expected} tasks, finding the ones {@code given} names there. */
    private TaskGraph(int expected, Map<String, Integer> given) {
        tasks = new ArrayList<>(expected);
        this.given = given;
        indexOf = HashMap.newHashMap(given.isEmpty() ? expected : 0);
        hardSuccessors = new ArrayList<>(expected);
        softSuccessors = new ArrayList<>(expected);
        hardPredecessors = new ArrayList<>(expected);
        softPredecessors = new ArrayList<>(expected);
        partners = new ArrayList<>(expected);
    }

    /**
     * The graph of a plan and its classified edges.
     *
     * @throws CeException {@link ErrorCode#INVALID_PLAN} for a duplicate task id, an edge naming an unknown task or
     *                     a task and itself, or a cycle of hard and soft edges (the message names the cycle)
     */
    public static TaskGraph of(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        TaskGraph graph = new TaskGraph(tasks.size(), Map.of());
        for (TaskSpec task : tasks) {
            graph.append(task);
        }
        for (ClassifiedEdge edge : edges) {
            graph.link(edge);
        }
        CycleCheck.requireAcyclic(graph);
        return graph;
    }

    /**
     * As {@link #of(List, List)} for a validated plan whose task positions the caller already holds (plan
     * validation's index of the ids): the graph looks its tasks up there instead of indexing them again, and keeps
     * the positions its edges name for {@link #positions()}.
     *
     * @param positions each task's position in {@code tasks}, and no other id; not changed afterwards
     */
    public static TaskGraph of(List<TaskSpec> tasks, List<ClassifiedEdge> edges, Map<String, Integer> positions) {
        if (positions.size() != tasks.size()) {
            throw new IllegalArgumentException(positions.size() + " positions for " + tasks.size() + " tasks");
        }
        TaskGraph graph = new TaskGraph(tasks.size(), positions);
        for (TaskSpec task : tasks) {
            graph.add(task);
        }
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        for (int e = 0; e < from.length; e++) {
            long ends = graph.link(edges.get(e));
            from[e] = (int) (ends >>> 32);
            to[e] = (int) ends;
        }
        CycleCheck.requireAcyclic(graph);
        graph.positions = new PlanPositions(positions, from, to);
        return graph;
    }

    /**
     * The positions of the plan the graph was made with and of the ones its edges name, when the caller gave them
     * ({@link #of(List, List, Map)}) and no task was appended since; what the plan's other indexes can be built from
     * without looking every id up again.
     */
    public Optional<PlanPositions> positions() {
        return positions != null && tasks.size() == given.size() ? Optional.of(positions) : Optional.empty();
    }

    /** Adds a task at the next index; its edges come through {@link #link}. */
    int append(TaskSpec task) {
        int index = tasks.size();
        if (given.containsKey(task.id()) || indexOf.putIfAbsent(task.id(), index) != null) {
            throw new CeException(ErrorCode.INVALID_PLAN, "Task id '" + Ids.clip(task.id()) + "' is used twice.",
                    "Give every task its own id.");
        }
        return add(task);
    }

    /** Adds a task at the next index, its id already indexed. */
    private int add(TaskSpec task) {
        int index = tasks.size();
        tasks.add(task);
        hardSuccessors.add(new Ints());
        softSuccessors.add(new Ints());
        hardPredecessors.add(new Ints());
        softPredecessors.add(new Ints());
        partners.add(new Ints());
        return index;
    }

    /**
     * Records one classified edge; feedback edges are ignored (they do not constrain the schedule). Returns the
     * indexes of its ends, from in the upper half.
     */
    long link(ClassifiedEdge edge) {
        int from = require(edge, edge.from());
        int to = require(edge, edge.to());
        if (from == to) {
            throw new CeException(ErrorCode.INVALID_PLAN, "Task '" + Ids.clip(edge.from()) + "' has a "
                    + edge.edgeClass().wireName() + " edge to itself" + rule(edge) + ".",
                    "Remove the edge; a task cannot wait for or exclude itself.");
        }
        switch (edge.edgeClass()) {
            case HARD -> {
                hardSuccessors.get(from).add(to);
                hardPredecessors.get(to).add(from);
            }
            case SOFT -> {
                softSuccessors.get(from).add(to);
                softPredecessors.get(to).add(from);
            }
            case RESOURCE -> {
                partners.get(from).add(to);
                partners.get(to).add(from);
            }
            case FEEDBACK -> {
                // reviews wait through their own hard or soft edge; feedback only routes rework
            }
        }
        return (long) from << 32 | to;
    }

    private int require(ClassifiedEdge edge, String id) {
        int index = indexOf(id);
        if (index < 0) {
            throw new CeException(ErrorCode.INVALID_PLAN, "A " + edge.edgeClass().wireName() + " edge from '"
                    + Ids.clip(edge.from()) + "' to '" + Ids.clip(edge.to()) + "'" + rule(edge)
                    + " names the unknown task '" + Ids.clip(id) + "'.",
                    "Classify only the tasks of the plan, or add the missing task first.");
        }
        return index;
    }

    private static String rule(ClassifiedEdge edge) {
        return edge.rule().isEmpty() ? "" : " (rule " + edge.rule() + ")";
    }

    public int size() {
        return tasks.size();
    }

    public TaskSpec task(int index) {
        return tasks.get(index);
    }

    public String id(int index) {
        return tasks.get(index).id();
    }

    /** The index of a task, or -1 if the graph has no such task. */
    public int indexOf(String id) {
        Integer index = given.get(id);
        return index != null ? index : indexOf.getOrDefault(id, -1);
    }

    /** The index of a task; an unknown id is the caller's mistake. */
    int require(String id) {
        int index = indexOf(id);
        if (index < 0) {
            throw new CeException(ErrorCode.UNKNOWN_TASK, "The schedule has no task '" + Ids.clip(id) + "'.",
                    "Use an id from the plan, or add the task first.");
        }
        return index;
    }

    public double estimate(int index) {
        return tasks.get(index).estimateMinutes();
    }

    public String pool(int index) {
        return tasks.get(index).pool();
    }

    Ints hardSuccessors(int index) {
        return hardSuccessors.get(index);
    }

    Ints softSuccessors(int index) {
        return softSuccessors.get(index);
    }

    Ints hardPredecessors(int index) {
        return hardPredecessors.get(index);
    }

    Ints softPredecessors(int index) {
        return softPredecessors.get(index);
    }

    /** Tasks that must not run at the same time as this one (resource edges). */
    Ints partners(int index) {
        return partners.get(index);
    }

    /** The tasks themselves, in plan order. */
    public List<TaskSpec> tasks() {
        return List.copyOf(tasks);
    }
}
