package dev.pce.engine.workflow;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** PlanRelations as it was before it held its tasks by position: the reference the new one must agree with. */
final class PlanRelationsBefore {
    private final List<ClassifiedEdge> edges;
    private final Map<String, List<PlanRelations.Prerequisite>> prerequisites = new HashMap<>();
    private final Map<String, List<PlanRelations.Partner>> partners = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final List<String> topologicalOrder;
    private final Map<String, Integer> waves = new HashMap<>();

    private PlanRelationsBefore(List<String> ids, List<ClassifiedEdge> edges) {
        this.edges = List.copyOf(edges);
        for (ClassifiedEdge edge : edges) {
            switch (edge.edgeClass()) {
                case HARD, SOFT -> {
                    prerequisites.computeIfAbsent(edge.to(), id -> new ArrayList<>())
                            .add(new PlanRelations.Prerequisite(edge.from(), edge.edgeClass()));
                    dependents.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge.to());
                }
                case RESOURCE -> {
                    partners.computeIfAbsent(edge.from(), id -> new ArrayList<>())
                            .add(new PlanRelations.Partner(edge.to(), edge.resource()));
                    partners.computeIfAbsent(edge.to(), id -> new ArrayList<>())
                            .add(new PlanRelations.Partner(edge.from(), edge.resource()));
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
                id -> prerequisites.getOrDefault(id, List.of()).stream().map(PlanRelations.Prerequisite::taskId)
                        .toList());
        for (String id : topologicalOrder) {
            int wave = 0;
            for (PlanRelations.Prerequisite prerequisite : prerequisites(id)) {
                wave = Math.max(wave, waves.getOrDefault(prerequisite.taskId(), 0) + 1);
            }
            waves.put(id, wave);
        }
    }

    static PlanRelationsBefore of(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        return new PlanRelationsBefore(tasks.stream().map(TaskSpec::id).toList(), edges);
    }

    public List<ClassifiedEdge> edges() {
        return edges;
    }

    public List<PlanRelations.Prerequisite> prerequisites(String taskId) {
        return prerequisites.getOrDefault(taskId, List.of());
    }

    public List<PlanRelations.Partner> partners(String taskId) {
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
