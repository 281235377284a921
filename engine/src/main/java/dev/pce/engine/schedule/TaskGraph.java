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
    private final Map<String, Integer> indexOf;
    private final List<Ints> hardSuccessors;
    private final List<Ints> softSuccessors;
    private final List<Ints> hardPredecessors;
    private final List<Ints> softPredecessors;
    private final List<Ints> partners;

    TaskGraph() {
        this(10);
    }

    /** An empty graph with room for {@code expected} tasks. */
    private TaskGraph(int expected) {
        tasks = new ArrayList<>(expected);
        indexOf = HashMap.newHashMap(expected);
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
        TaskGraph graph = new TaskGraph(tasks.size());
        for (TaskSpec task : tasks) {
            graph.append(task);
        }
        for (ClassifiedEdge edge : edges) {
            graph.link(edge);
        }
        CycleCheck.requireAcyclic(graph);
        return graph;
    }

    /** Adds a task at the next index; its edges come through {@link #link}. */
    int append(TaskSpec task) {
        int index = tasks.size();
        if (indexOf.putIfAbsent(task.id(), index) != null) {
            throw new CeException(ErrorCode.INVALID_PLAN, "Task id '" + Ids.clip(task.id()) + "' is used twice.",
                    "Give every task its own id.");
        }
        tasks.add(task);
        hardSuccessors.add(new Ints());
        softSuccessors.add(new Ints());
        hardPredecessors.add(new Ints());
        softPredecessors.add(new Ints());
        partners.add(new Ints());
        return index;
    }

    /** Records one classified edge; feedback edges are ignored (they do not constrain the schedule). */
    void link(ClassifiedEdge edge) {
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
    }

    private int require(ClassifiedEdge edge, String id) {
        Integer index = indexOf.get(id);
        if (index == null) {
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
        return indexOf.getOrDefault(id, -1);
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
