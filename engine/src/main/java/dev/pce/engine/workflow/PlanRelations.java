package dev.pce.engine.workflow;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's classified relations indexed per task: the hard and soft prerequisites a task waits for, the tasks it
 * must not run beside (resource partners), and its dependents. Fixed by the plan; immutable.
 */
public final class PlanRelations {
    /** A task another waits for, and how: hard (finished output) or soft (a partial output is enough). */
    public record Prerequisite(String taskId, EdgeClass edgeClass) {
    }

    /** A task that writes the same resource: the two never run at the same time. */
    public record Partner(String taskId, String resource) {
    }

    private final List<ClassifiedEdge> edges;
    private final Map<String, List<Prerequisite>> prerequisites = new HashMap<>();
    private final Map<String, List<Partner>> partners = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final List<String> topologicalOrder;
    private final Map<String, Integer> waves = new HashMap<>();

    private PlanRelations(List<String> ids, List<ClassifiedEdge> edges) {
        this.edges = List.copyOf(edges);
        for (ClassifiedEdge edge : edges) {
            switch (edge.edgeClass()) {
                case HARD, SOFT -> {
                    prerequisites.computeIfAbsent(edge.to(), id -> new ArrayList<>())
                            .add(new Prerequisite(edge.from(), edge.edgeClass()));
                    dependents.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge.to());
                }
                case RESOURCE -> {
                    partners.computeIfAbsent(edge.from(), id -> new ArrayList<>())
                            .add(new Partner(edge.to(), edge.resource()));
                    partners.computeIfAbsent(edge.to(), id -> new ArrayList<>())
                            .add(new Partner(edge.from(), edge.resource()));
                }
                case FEEDBACK -> {
                    // who reviews whom; it routes rework, it does not order the work
                }
            }
        }
        Map<String, Integer> planIndex = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            planIndex.put(ids.get(i), i);
        }
        dependents.values().forEach(list -> list.sort(Comparator.comparingInt(id -> planIndex.getOrDefault(id, 0))));
        this.topologicalOrder = Topology.order(ids,
                id -> prerequisites.getOrDefault(id, List.of()).stream().map(Prerequisite::taskId).toList());
        for (String id : topologicalOrder) {
            int wave = 0;
            for (Prerequisite prerequisite : prerequisites(id)) {
                wave = Math.max(wave, waves.getOrDefault(prerequisite.taskId(), 0) + 1);
            }
            waves.put(id, wave);
        }
    }

    public static PlanRelations of(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        return new PlanRelations(tasks.stream().map(TaskSpec::id).toList(), edges);
    }

    public List<ClassifiedEdge> edges() {
        return edges;
    }

    public List<Prerequisite> prerequisites(String taskId) {
        return prerequisites.getOrDefault(taskId, List.of());
    }

    public List<Partner> partners(String taskId) {
        return partners.getOrDefault(taskId, List.of());
    }

    /** Tasks that wait for {@code taskId} through a hard or soft edge, in plan order. */
    public List<String> dependents(String taskId) {
        return dependents.getOrDefault(taskId, List.of());
    }

    /**
     * The task's wave: 0 when it waits for no task, else one more than its deepest hard or soft prerequisite's.
     * Quality gates sit between waves.
     */
    public int wave(String taskId) {
        return waves.getOrDefault(taskId, 0);
    }

    /** Task ids with every prerequisite before its dependents; plan order among tasks free at the same time. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }
}
