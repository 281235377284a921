package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schedules a plan onto pools and keeps the schedule current as work progresses.
 *
 * <p>{@link #plan} gives the schedule of a fresh plan. An instance keeps the task graph, the priorities (bottom
 * levels) and the progress of every task; each report (started, finished early or late, failed, task added) updates
 * only what it changes, then the remaining work is scheduled again from the report's time. Nothing about the
 * existing tasks is rebuilt: adding a task updates its ancestors' bottom levels and checks for cycles through it
 * alone. Times are minutes since the plan started.
 *
 * <p>Not thread-safe; one workflow's reports arrive in order.
 */
public final class Scheduler {
    private final TaskGraph graph;
    private final Priorities priorities;
    private final PoolSlots slots;
    private final Progress progress = new Progress();
    private double[] estimates;
    private Schedule planned;

    /**
     * @throws CeException {@link ErrorCode#INVALID_PLAN} as {@link TaskGraph#of} does, e.g. naming a cycle
     */
    public Scheduler(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots) {
        this(TaskGraph.of(tasks, edges), slots);
    }

    /**
     * As {@link #Scheduler(List, List, PoolSlots)} for a validated plan whose task positions are at hand (see
     * {@link TaskGraph#of(List, List, Map)}): they are not indexed again, and {@link #positions} hands them on.
     */
    public Scheduler(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots,
                     Map<String, Integer> positions) {
        this(TaskGraph.of(tasks, edges, positions), slots);
    }

    private Scheduler(TaskGraph graph, PoolSlots slots) {
        this.graph = graph;
        this.priorities = Priorities.of(graph);
        this.slots = slots;
        this.estimates = new double[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            estimates[i] = graph.estimate(i);
        }
        progress.ensureSize(graph.size());
    }

    /** The schedule of a fresh plan, by estimates. */
    public static Schedule plan(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots) {
        return new Scheduler(tasks, edges, slots).schedule(0);
    }

    /**
     * The remaining work scheduled from {@code now}, by estimates: the best of the candidates of
     * {@link ScheduleSearch}; before any report, the fresh plan's.
     */
    public Schedule schedule(double now) {
        Schedule planned = plannedSchedule();
        if (now == 0 && progress.untouched(graph.size())) {
            return planned;
        }
        return ScheduleSearch.remaining(graph, priorities, slots, progress, now, estimates,
                graph.size() <= ScheduleSearch.SERIAL_LIMIT ? planned : null);
    }

    /**
     * Whether {@link #schedule(double)} may now keep a slot or a file free for a task that is not ready yet (a
     * candidate of the schedule search won); when not, it is list scheduling alone, whose order is the
     * {@link #priorityOrder} of the ready tasks, and a dispatcher can skip computing it. Costs one pass over the
     * plan's progress, none above the search size.
     */
    public boolean mayHold() {
        return ScheduleSearch.mayHold(graph, progress);
    }

    /** The fresh plan's schedule, searched once per graph (adding a task forgets it). */
    private Schedule plannedSchedule() {
        if (planned == null) {
            planned = ScheduleSearch.plan(graph, priorities, slots, Arrays.copyOf(estimates, graph.size()));
        }
        return planned;
    }

    /**
     * The remaining work from {@code now} with other durations (a simulation's), indexed like {@link #graph()}: the
     * schedule by estimates, followed by agents who do not know the durations in advance (tasks in the planned order,
     * slots and files the plan keeps for a task left free for it; see {@link ListScheduler#follow}).
     */
    Schedule schedule(double now, double[] durations) {
        Schedule plan = schedule(now);
        double[] rank = ScheduleSearch.startsOf(graph, plan);
        return ListScheduler.follow(graph, priorities, rank, slots, progress, now, durations);
    }

    /** The whole plan from the start with other pool sizes and durations, indexed like {@link #graph()}. */
    Schedule scheduleWith(PoolSlots otherSlots, double[] durations) {
        Progress fresh = new Progress();
        fresh.ensureSize(graph.size());
        return ListScheduler.run(graph, priorities, otherSlots, fresh, 0, durations);
    }

    /** An agent started {@code id} at {@code at}; returns the schedule from then. */
    public Schedule started(String id, double at) {
        recordStarted(id, at);
        return schedule(at);
    }

    /** {@code id} finished at {@code at} (early or late); returns the schedule from then. */
    public Schedule finished(String id, double at) {
        recordFinished(id, at);
        return schedule(at);
    }

    /**
     * {@code id} failed at {@code at}. With {@code retry} it goes back to the ready work with its full estimate;
     * without, it and everything that waits for it are reported as blocked.
     */
    public Schedule failed(String id, double at, boolean retry) {
        recordFailed(id, retry);
        return schedule(at);
    }

    /**
     * The report of {@link #started} without scheduling: for a caller that takes many reports and asks for the
     * schedule only now and then (the server's live schedule, read by ce_status).
     */
    public void recordStarted(String id, double at) {
        progress.started(graph, graph.require(id), at);
    }

    /** The report of {@link #finished} without scheduling. */
    public void recordFinished(String id, double at) {
        progress.finished(graph, graph.require(id), at);
    }

    /** The report of {@link #failed} without scheduling. */
    public void recordFailed(String id, boolean retry) {
        progress.failed(graph, graph.require(id), retry);
    }

    /**
     * Adds a task during the workflow (rework, a forgotten step) with its edges to existing tasks, in either
     * direction; returns the schedule from {@code now}. An existing task may be made to wait for the new one only
     * while it has not started.
     *
     * @throws CeException {@code INVALID_PLAN} for a duplicate id, an edge not touching the new task, or a cycle
     *                     through it; {@code CONFLICT} when a started task would have to wait for it. Nothing
     *                     changes on an error: every check runs before the task is stored.
     */
    public Schedule added(TaskSpec task, List<ClassifiedEdge> edges, double now) {
        checkEdges(task, edges);
        Set<Integer> prerequisites = new HashSet<>();
        List<Integer> dependents = new ArrayList<>();
        for (ClassifiedEdge edge : edges) {
            if (edge.edgeClass().orders()) {
                if (edge.to().equals(task.id())) {
                    prerequisites.add(graph.indexOf(edge.from()));
                } else {
                    dependents.add(graph.indexOf(edge.to()));
                }
            }
        }
        CycleCheck.requireNoCycleThrough(graph, task.id(), prerequisites, dependents);
        int index = graph.append(task);
        progress.ensureSize(graph.size());
        if (estimates.length < graph.size()) {
            estimates = Arrays.copyOf(estimates, Math.max(graph.size(), estimates.length * 2));
        }
        estimates[index] = task.estimateMinutes();
        for (ClassifiedEdge edge : edges) {
            graph.link(edge);
        }
        priorities.taskAdded(graph, index);
        planned = null;
        return schedule(now);
    }

    private void checkEdges(TaskSpec task, List<ClassifiedEdge> edges) {
        if (graph.indexOf(task.id()) >= 0) {
            throw new CeException(ErrorCode.INVALID_PLAN, "Task id '" + Ids.clip(task.id()) + "' is already used.",
                    "Give the new task its own id.");
        }
        for (ClassifiedEdge edge : edges) {
            boolean fromNew = edge.from().equals(task.id());
            if (!fromNew && !edge.to().equals(task.id())) {
                throw new CeException(ErrorCode.INVALID_PLAN, "Edge " + edge.from() + " -> " + edge.to()
                        + " does not touch the new task '" + Ids.clip(task.id()) + "'.",
                        "Pass only the new task's own edges.");
            }
            String other = fromNew ? edge.to() : edge.from();
            int existing = graph.indexOf(other);
            if (existing < 0) {
                throw new CeException(ErrorCode.INVALID_PLAN, "The new task '" + Ids.clip(task.id())
                        + "' has an edge to the unknown task '" + Ids.clip(other) + "'.",
                        "Link the new task only to tasks of the plan.");
            }
            if (fromNew && edge.edgeClass().orders() && progress.state(existing) != Progress.PENDING) {
                throw new CeException(ErrorCode.CONFLICT, "Task '" + Ids.clip(other) + "' has already started, so "
                        + "it cannot wait for the new task '" + Ids.clip(task.id()) + "'.",
                        "Add the new task without that edge, or as a prerequisite of a task that has not started.");
            }
        }
    }

    /** Each task's bottom level: the longest chain of estimates from its start to the end of the plan. */
    public Map<String, Double> bottomLevels() {
        Map<String, Double> levels = new HashMap<>(graph.size() * 2);
        for (int i = 0; i < graph.size(); i++) {
            levels.put(graph.id(i), priorities.level(i));
        }
        return levels;
    }

    /**
     * Task ids in the order agents should take them when several are ready: critical path first (highest bottom
     * level), plan order among equals.
     */
    public List<String> priorityOrder() {
        int[] order = priorityIndexes();
        List<String> ids = new ArrayList<>(order.length);
        for (int index : order) {
            ids.add(graph.id(index));
        }
        return ids;
    }

    /** {@link #priorityOrder()} as task indexes (plan order, as the tasks were given). */
    public int[] priorityIndexes() {
        Integer[] order = new Integer[graph.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byLevel = Double.compare(priorities.level(b), priorities.level(a));
            return byLevel != 0 ? byLevel : Integer.compare(a, b);
        });
        int[] indexes = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            indexes[i] = order[i];
        }
        return indexes;
    }

    /** {@link #bottomLevels()} by task index (plan order, as the tasks were given). */
    public double[] bottomLevelsByIndex() {
        double[] levels = new double[graph.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = priorities.level(i);
        }
        return levels;
    }

    /** The tasks scheduled. */
    public int size() {
        return graph.size();
    }

    /** The plan's task and edge positions, when given at construction and no task was added since. */
    public Optional<PlanPositions> positions() {
        return graph.positions();
    }

    /** The bottom level (priority) of a task, for tests and diagnostics. */
    double priority(String id) {
        return priorities.level(graph.require(id));
    }

    TaskGraph graph() {
        return graph;
    }
}
