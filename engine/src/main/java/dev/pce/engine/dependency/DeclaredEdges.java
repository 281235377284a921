package dev.pce.engine.dependency;

import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.Topology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain classifier, used when no rules are configured: it takes the plan at its word.
 * <ul>
 *   <li>Each {@code depends_on} is a hard edge, or soft if the planner declared it soft.</li>
 *   <li>Two tasks that write the same path get a resource edge (never at the same time) unless one runs wholly
 *       after the other: a chain of {@code depends_on} leads from one to the other and its first link is hard (a
 *       soft dependent may start on a partial output, while its prerequisite still writes). One edge per pair,
 *       naming the first shared path.</li>
 * </ul>
 * No edge is upgraded, no feedback edge is derived; that is the rules' job.
 */
public final class DeclaredEdges implements DependencyClassifier {
    public static final String RULE_DEPENDS_ON = "declared-depends-on";
    public static final String RULE_SAME_WRITE = "declared-same-write";

    @Override
    public List<ClassifiedEdge> classify(List<TaskSpec> tasks) {
        List<ClassifiedEdge> edges = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            index.putIfAbsent(tasks.get(i).id(), i);
        }
        for (TaskSpec task : tasks) {
            for (String prerequisite : task.dependsOn()) {
                boolean soft = task.dependencyTypes().get(prerequisite) == EdgeClass.SOFT;
                edges.add(new ClassifiedEdge(prerequisite, task.id(), soft ? EdgeClass.SOFT : EdgeClass.HARD,
                        "'" + task.id() + "' declares depends_on '" + prerequisite + "'" + (soft ? " (soft)" : ""),
                        RULE_DEPENDS_ON, ""));
            }
        }
        edges.addAll(sharedWrites(tasks, index));
        return edges;
    }

    private static List<ClassifiedEdge> sharedWrites(List<TaskSpec> tasks, Map<String, Integer> index) {
        Map<String, List<Integer>> writers = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            for (String path : tasks.get(i).writes()) {
                List<Integer> list = writers.computeIfAbsent(path, key -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != i) {
                    list.add(i);
                }
            }
        }
        List<ClassifiedEdge> edges = new ArrayList<>();
        if (writers.values().stream().noneMatch(list -> list.size() > 1)) {
            return edges;
        }
        BitSet[] doneBefore = doneBeforeStart(tasks, index);
        Set<Long> linked = new HashSet<>();
        for (Map.Entry<String, List<Integer>> entry : writers.entrySet()) {
            List<Integer> list = entry.getValue();
            for (int a = 0; a < list.size(); a++) {
                for (int b = a + 1; b < list.size(); b++) {
                    int first = Math.min(list.get(a), list.get(b));
                    int second = Math.max(list.get(a), list.get(b));
                    boolean apart = doneBefore[second].get(first) || doneBefore[first].get(second);
                    if (!apart && linked.add((long) first * tasks.size() + second)) {
                        String one = tasks.get(first).id();
                        String other = tasks.get(second).id();
                        edges.add(new ClassifiedEdge(one, other, EdgeClass.RESOURCE, "'" + one + "' and '" + other
                                + "' both write " + entry.getKey() + " and nothing puts one after the other",
                                RULE_SAME_WRITE, entry.getKey()));
                    }
                }
            }
        }
        return edges;
    }

    /**
     * For each task, the tasks (by index) that are done before it starts: a hard prerequisite and whatever is done
     * before that one starts; for a soft prerequisite, only what is done before that one starts.
     */
    private static BitSet[] doneBeforeStart(List<TaskSpec> tasks, Map<String, Integer> index) {
        BitSet[] doneBefore = new BitSet[tasks.size()];
        for (String id : Topology.order(tasks)) {
            int task = index.get(id);
            if (doneBefore[task] != null) {
                continue; // a duplicate id; the plan validator reports it
            }
            BitSet set = new BitSet();
            for (String prerequisite : tasks.get(task).dependsOn()) {
                Integer before = index.get(prerequisite);
                if (before != null && doneBefore[before] != null) {
                    if (tasks.get(task).dependencyTypes().get(prerequisite) != EdgeClass.SOFT) {
                        set.set(before);
                    }
                    set.or(doneBefore[before]);
                }
            }
            doneBefore[task] = set;
        }
        return doneBefore;
    }
}
