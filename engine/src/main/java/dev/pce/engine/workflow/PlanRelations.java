package dev.pce.engine.workflow;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PlanPositions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A plan's classified relations indexed per task: the hard and soft prerequisites a task waits for, the tasks it
 * must not run beside (resource partners), and its dependents. Fixed by the plan; immutable.
 *
 * <p>Held by task position (plan order) in arrays, found through one map from id to position: a state folds a
 * 100,000-task plan into this once, and its status pass walks the positions instead of looking every id up again.
 * An id an edge names that is not a task of the plan (a log changed outside PCE) gets a position after the plan's
 * tasks, so its relations are kept as given.
 */
public final class PlanRelations {
    /** A task another waits for, and how: hard (finished output) or soft (a partial output is enough). */
    public record Prerequisite(String taskId, EdgeClass edgeClass) {
    }

    /** A task that writes the same resource: the two never run at the same time. */
    public record Partner(String taskId, String resource) {
    }

    private final List<ClassifiedEdge> edges;
    /** The plan's tasks: positions 0 to {@code planned - 1}. */
    private final int planned;
    private final Map<String, Integer> positions;
    private final List<List<Prerequisite>> prerequisites;
    /** Each task's prerequisites by position, as in {@link #prerequisites}. */
    private final int[][] prerequisitePositions;
    private final List<List<Partner>> partners;
    private final List<List<String>> dependents;
    /** Positions with every prerequisite before its dependents. */
    private final int[] topological;
    private final List<String> topologicalOrder;
    private final int[] waves;

    /**
     * @param known     the plan's task ids, then any other id an edge names
     * @param planned   how many of {@code known} are the plan's
     * @param positions each id's position in {@code known}
     * @param from      the position of each edge's from
     * @param to        the position of each edge's to
     */
    private PlanRelations(List<String> known, int planned, Map<String, Integer> positions, List<ClassifiedEdge> edges,
                          int[] from, int[] to) {
        this.edges = edges;
        this.planned = planned;
        this.positions = positions;
        int n = known.size();
        int[] prerequisiteCount = new int[n];
        for (int e = 0; e < from.length; e++) {
            if (this.edges.get(e).edgeClass().orders()) {
                prerequisiteCount[to[e]]++;
            }
        }
        this.prerequisitePositions = new int[n][];
        this.prerequisites = new ArrayList<>(n);
        this.partners = new ArrayList<>(n);
        this.dependents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            prerequisitePositions[i] = prerequisiteCount[i] == 0 ? NONE : new int[prerequisiteCount[i]];
            prerequisites.add(prerequisiteCount[i] == 0 ? List.of() : new ArrayList<>(prerequisiteCount[i]));
            partners.add(List.of());
            dependents.add(List.of());
        }
        int[] filled = new int[n];
        for (int e = 0; e < from.length; e++) {
            ClassifiedEdge edge = this.edges.get(e);
            switch (edge.edgeClass()) {
                case HARD, SOFT -> {
                    prerequisites.get(to[e]).add(new Prerequisite(edge.from(), edge.edgeClass()));
                    prerequisitePositions[to[e]][filled[to[e]]++] = from[e];
                    mutable(dependents, from[e]).add(edge.to());
                }
                case RESOURCE -> {
                    mutable(partners, from[e]).add(new Partner(edge.to(), edge.resource()));
                    mutable(partners, to[e]).add(new Partner(edge.from(), edge.resource()));
                }
                case FEEDBACK -> {
                    // who reviews whom; it routes rework, it does not order the work
                }
            }
        }
        // dependents in plan order; an id that is not the plan's sorts as the first task
        Comparator<String> byPlan = Comparator.comparingInt(id -> {
            int position = positions.get(id);
            return position < planned ? position : 0;
        });
        for (List<String> list : dependents) {
            if (list.size() > 1) {
                list.sort(byPlan);
            }
        }
        this.topological = topologicalOrder(prerequisitePositions, planned);
        List<String> order = new ArrayList<>(planned);
        for (int position : topological) {
            order.add(known.get(position));
        }
        this.topologicalOrder = List.copyOf(order);
        this.waves = new int[n];
        for (int position : topological) {
            int wave = 0;
            for (int prerequisite : prerequisitePositions[position]) {
                wave = Math.max(wave, waves[prerequisite] + 1);
            }
            waves[position] = wave;
        }
    }

    private static final int[] NONE = new int[0];

    private static int positionOrAdd(String id, Map<String, Integer> positions, List<String> known) {
        Integer position = positions.get(id);
        if (position != null) {
            return position;
        }
        positions.put(id, known.size());
        known.add(id);
        return known.size() - 1;
    }

    private static <T> List<T> mutable(List<List<T>> lists, int position) {
        List<T> list = lists.get(position);
        if (list.isEmpty() && !(list instanceof ArrayList)) {
            list = new ArrayList<>(2);
            lists.set(position, list);
        }
        return list;
    }

    /**
     * The plan's positions with every prerequisite before its dependents; among tasks free at the same time, plan
     * order first. Prerequisites that are not tasks of the plan are ignored; tasks on a cycle come last, in plan
     * order.
     */
    private static int[] topologicalOrder(int[][] prerequisites, int planned) {
        int[] missing = new int[planned];
        int[] dependentCount = new int[planned];
        for (int i = 0; i < planned; i++) {
            for (int prerequisite : prerequisites[i]) {
                if (prerequisite < planned) {
                    missing[i]++;
                    dependentCount[prerequisite]++;
                }
            }
        }
        int[][] dependentsOf = new int[planned][];
        for (int i = 0; i < planned; i++) {
            dependentsOf[i] = dependentCount[i] == 0 ? NONE : new int[dependentCount[i]];
        }
        int[] filled = new int[planned];
        for (int i = 0; i < planned; i++) {
            for (int prerequisite : prerequisites[i]) {
                if (prerequisite < planned) {
                    dependentsOf[prerequisite][filled[prerequisite]++] = i;
                }
            }
        }
        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int i = 0; i < planned; i++) {
            if (missing[i] == 0) {
                free.add(i);
            }
        }
        int[] order = new int[planned];
        int placed = 0;
        boolean[] done = new boolean[planned];
        while (!free.isEmpty()) {
            int next = free.poll();
            done[next] = true;
            order[placed++] = next;
            for (int dependent : dependentsOf[next]) {
                if (--missing[dependent] == 0) {
                    free.add(dependent);
                }
            }
        }
        for (int i = 0; i < planned && placed < planned; i++) {
            if (!done[i]) {
                order[placed++] = i;
            }
        }
        return order;
    }

    public static PlanRelations of(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        List<String> known = new ArrayList<>(tasks.size());
        Map<String, Integer> positions = HashMap.newHashMap(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            known.add(tasks.get(i).id());
            positions.putIfAbsent(tasks.get(i).id(), i);
        }
        List<ClassifiedEdge> copy = List.copyOf(edges);
        int[] from = new int[copy.size()];
        int[] to = new int[copy.size()];
        for (int e = 0; e < from.length; e++) {
            from[e] = positionOrAdd(copy.get(e).from(), positions, known);
            to[e] = positionOrAdd(copy.get(e).to(), positions, known);
        }
        return new PlanRelations(known, tasks.size(), positions, copy, from, to);
    }

    /**
     * As {@link #of(List, List)}, from the positions the plan's {@link dev.pce.engine.schedule.TaskGraph} resolved
     * for these tasks and edges: no id is looked up again.
     */
    public static PlanRelations of(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PlanPositions resolved) {
        if (resolved.ids().size() != tasks.size() || resolved.edgeFrom().length != edges.size()) {
            throw new IllegalArgumentException("positions of " + resolved.ids().size() + " tasks and "
                    + resolved.edgeFrom().length + " edges for " + tasks.size() + " tasks and " + edges.size());
        }
        List<String> ids = new ArrayList<>(tasks.size());
        for (TaskSpec task : tasks) {
            ids.add(task.id());
        }
        return new PlanRelations(ids, tasks.size(), resolved.ids(), List.copyOf(edges), resolved.edgeFrom(),
                resolved.edgeTo());
    }

    public List<ClassifiedEdge> edges() {
        return edges;
    }

    /** The task's position in the plan (0-based), or -1 when the plan has no such task. */
    public int position(String taskId) {
        Integer position = positions.get(taskId);
        return position == null || position >= planned ? -1 : position;
    }

    /** The plan's tasks. */
    public int size() {
        return planned;
    }

    public List<Prerequisite> prerequisites(String taskId) {
        Integer position = positions.get(taskId);
        return position == null ? List.of() : prerequisites.get(position);
    }

    /** The prerequisites of the task at {@code position}, as {@link #prerequisites(String)}. */
    List<Prerequisite> prerequisitesAt(int position) {
        return prerequisites.get(position);
    }

    /**
     * The positions of the prerequisites of the task at {@code position}, in the order of
     * {@link #prerequisitesAt}; a position of {@link #size()} or more is an id that is not the plan's.
     */
    int[] prerequisitePositions(int position) {
        return prerequisitePositions[position];
    }

    public List<Partner> partners(String taskId) {
        Integer position = positions.get(taskId);
        return position == null ? List.of() : partners.get(position);
    }

    /** Tasks that wait for {@code taskId} through a hard or soft edge, in plan order. */
    public List<String> dependents(String taskId) {
        Integer position = positions.get(taskId);
        return position == null ? List.of() : dependents.get(position);
    }

    /**
     * The task's wave: 0 when it waits for no task, else one more than its deepest hard or soft prerequisite's.
     * Quality gates sit between waves.
     */
    public int wave(String taskId) {
        Integer position = positions.get(taskId);
        return position == null ? 0 : waves[position];
    }

    /** Task ids with every prerequisite before its dependents; plan order among tasks free at the same time. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** The positions of {@link #topologicalOrder()}. */
    int[] topologicalPositions() {
        return topological;
    }
}
