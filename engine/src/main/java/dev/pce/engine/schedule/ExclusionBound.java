package dev.pce.engine.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lower bound that counts file exclusion: tasks that write the same file and can never overlap (resource partners,
 * or ordered by hard edges) run one after another, so no schedule finishes before the earliest any of them can start
 * plus all their work plus the shortest time that must still pass after any of them finishes. The bound is the
 * largest such sum over the files written; the critical path and work per slot know nothing of files.
 *
 * <p>Per file, the writers that pairwise cannot overlap are picked greedily, longest work first (any such set gives
 * a valid bound; the greedy one is large where it matters). Files with more than {@link #MAX_WRITERS} remaining
 * writers use their longest ones, so the cost stays linear in the plan.
 */
final class ExclusionBound {
    static final int MAX_WRITERS = 200;

    private ExclusionBound() {
    }

    /**
     * @param order  the remaining tasks in a topological order
     * @param work   each task's work from now
     * @param head   each task's earliest start from now with unlimited agents
     * @param tail   a lower bound on the time from each task's finish to the end of the plan
     */
    static double of(TaskGraph graph, int[] order, double[] work, double[] head, double[] tail) {
        Map<String, List<Integer>> writers = new LinkedHashMap<>();
        for (int task : order) {
            for (String file : graph.task(task).writes()) {
                writers.computeIfAbsent(file, key -> new ArrayList<>()).add(task);
            }
        }
        Map<Integer, Set<Integer>> apart = new HashMap<>();
        double bound = 0;
        for (List<Integer> sameFile : writers.values()) {
            if (sameFile.size() < 2) {
                continue;
            }
            List<Integer> byWork = new ArrayList<>(sameFile);
            byWork.sort((a, b) -> Double.compare(work[b], work[a]));
            if (byWork.size() > MAX_WRITERS) {
                byWork = byWork.subList(0, MAX_WRITERS);
            }
            List<Integer> chosen = new ArrayList<>();
            for (int task : byWork) {
                Set<Integer> excluded = apart.computeIfAbsent(task, key -> neverOverlapping(graph, key));
                if (chosen.stream().allMatch(other -> excluded.contains(other) || apart.computeIfAbsent(other,
                        key -> neverOverlapping(graph, key)).contains(task))) {
                    chosen.add(task);
                }
            }
            double earliest = Double.POSITIVE_INFINITY;
            double latest = Double.POSITIVE_INFINITY;
            double sum = 0;
            for (int task : chosen) {
                earliest = Math.min(earliest, Math.max(0, head[task]));
                latest = Math.min(latest, tail[task]);
                sum += work[task];
            }
            bound = Math.max(bound, earliest + sum + latest);
        }
        return bound;
    }

    /** The resource partners of a task and its direct hard prerequisites and dependents. */
    private static Set<Integer> neverOverlapping(TaskGraph graph, int task) {
        Set<Integer> apart = new HashSet<>();
        for (Ints neighbours : new Ints[] {graph.partners(task), graph.hardPredecessors(task),
                graph.hardSuccessors(task)}) {
            for (int i = 0; i < neighbours.size(); i++) {
                apart.add(neighbours.get(i));
            }
        }
        return apart;
    }
}
