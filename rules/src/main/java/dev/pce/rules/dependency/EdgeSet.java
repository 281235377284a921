package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.EdgeClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the rules' decisions into the classifier's output: one edge per (from, to, class), sorted by plan
 * order of {@code from}, then of {@code to}, then by class. When several rules decide the same edge (a task
 * reads two files another writes), the first by rule name, then resource, then reason is kept, so the output
 * does not depend on the order in which rules fired.
 */
final class EdgeSet {
    private static final Comparator<ClassifiedEdge> PREFERRED = Comparator.comparing(ClassifiedEdge::rule)
            .thenComparing(ClassifiedEdge::resource).thenComparing(ClassifiedEdge::reason);

    /** Edges of one task beyond which insertion sort (quadratic) gives way to a merge sort. */
    private static final int SMALL_GROUP = 16;

    private EdgeSet() {
    }

    static List<ClassifiedEdge> of(TaskIndex tasks, List<ClassifiedEdge> decisions) {
        return collect(tasks, decisions, null);
    }

    /** The edges of {@link #of}, with their positions (hard or not) as the order graph and cycle check take them. */
    record Positioned(List<ClassifiedEdge> edges, PositionEdges positions) {
    }

    /** As {@link #of}, with the positions it looked up once per decision kept for the output's edges. */
    static Positioned positioned(TaskIndex tasks, List<ClassifiedEdge> decisions) {
        PositionEdges positions = new PositionEdges(decisions.size());
        return new Positioned(collect(tasks, decisions, positions), positions);
    }

    /** @param positions filled with each output edge's positions, in the output's order, unless null */
    private static List<ClassifiedEdge> collect(TaskIndex tasks, List<ClassifiedEdge> decisions,
                                                PositionEdges positions) {
        int m = decisions.size();
        int n = tasks.size();
        // the decisions grouped by the position of from (a counting sort), each group then sorted on its own: a task
        // has a few edges, so this is linear where one sort of every edge by a composite key was not
        int[] to = new int[m];
        int[] first = new int[n + 1];
        int[] from = new int[m];
        for (int e = 0; e < m; e++) {
            ClassifiedEdge edge = decisions.get(e);
            from[e] = tasks.position(edge.from());
            to[e] = tasks.position(edge.to());
            first[from[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            first[i + 1] += first[i];
        }
        int[] grouped = new int[m];
        int[] filled = Arrays.copyOf(first, n);
        for (int e = 0; e < m; e++) {
            grouped[filled[from[e]]++] = e;
        }
        List<ClassifiedEdge> result = new ArrayList<>(m);
        for (int task = 0; task < n; task++) {
            int start = first[task];
            int end = first[task + 1];
            sortGroup(grouped, start, end, to, decisions);
            for (int k = start; k < end; k++) {
                ClassifiedEdge edge = decisions.get(grouped[k]);
                if (k > start && sameKey(grouped[k - 1], grouped[k], to, decisions)) {
                    continue; // the preferred edge of this key came first
                }
                result.add(edge);
                if (positions != null) {
                    positions.add(task, to[grouped[k]], edge.edgeClass() == EdgeClass.HARD);
                }
            }
        }
        return result;
    }

    /** Sorts one task's edges by (to, class, preferred), stably: insertion sort for the usual few, else a merge sort. */
    private static void sortGroup(int[] grouped, int start, int end, int[] to, List<ClassifiedEdge> decisions) {
        if (end - start > SMALL_GROUP) {
            Integer[] group = new Integer[end - start];
            for (int k = start; k < end; k++) {
                group[k - start] = grouped[k];
            }
            Arrays.sort(group, (a, b) -> compare(a, b, to, decisions));
            for (int k = start; k < end; k++) {
                grouped[k] = group[k - start];
            }
            return;
        }
        for (int k = start + 1; k < end; k++) {
            int edge = grouped[k];
            int j = k - 1;
            while (j >= start && compare(grouped[j], edge, to, decisions) > 0) {
                grouped[j + 1] = grouped[j];
                j--;
            }
            grouped[j + 1] = edge;
        }
    }

    private static int compare(int a, int b, int[] to, List<ClassifiedEdge> decisions) {
        int byTo = Integer.compare(to[a], to[b]);
        if (byTo != 0) {
            return byTo;
        }
        ClassifiedEdge x = decisions.get(a);
        ClassifiedEdge y = decisions.get(b);
        int byClass = Integer.compare(x.edgeClass().ordinal(), y.edgeClass().ordinal());
        return byClass != 0 ? byClass : PREFERRED.compare(x, y);
    }

    private static boolean sameKey(int a, int b, int[] to, List<ClassifiedEdge> decisions) {
        return to[a] == to[b] && decisions.get(a).edgeClass() == decisions.get(b).edgeClass();
    }
}
