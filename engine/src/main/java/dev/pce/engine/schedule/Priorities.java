package dev.pce.engine.schedule;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Bottom levels: for each task, a lower bound (by estimates, with unlimited agents) on the time from its start to the
 * end of everything that waits for it. List scheduling starts the ready task with the highest bottom level first, so
 * the critical path never waits behind shorter chains.
 *
 * <pre>
 * level(t) = max( est(t),
 *                 est(t) + level(s)                     for each hard successor s,
 *                 max(f * est(t) + level(s), est(t))    for each soft successor s )   with f = SOFT_START_FRACTION
 * </pre>
 *
 * A bottom level depends only on the task's descendants, so adding a task changes the levels of its ancestors
 * alone; {@link #taskAdded} updates just those.
 */
final class Priorities {
    private double[] levels;

    private Priorities(double[] levels) {
        this.levels = levels;
    }

    /** All levels, successors before predecessors (a reverse topological walk). */
    static Priorities of(TaskGraph graph) {
        int n = graph.size();
        int[] waitingSuccessors = new int[n];
        Deque<Integer> free = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            waitingSuccessors[i] = graph.hardSuccessors(i).size() + graph.softSuccessors(i).size();
            if (waitingSuccessors[i] == 0) {
                free.add(i);
            }
        }
        Priorities priorities = new Priorities(new double[n]);
        while (!free.isEmpty()) {
            int task = free.poll();
            priorities.levels[task] = priorities.levelOf(graph, task);
            releasePredecessors(graph.hardPredecessors(task), waitingSuccessors, free);
            releasePredecessors(graph.softPredecessors(task), waitingSuccessors, free);
        }
        return priorities;
    }

    private static void releasePredecessors(Ints predecessors, int[] waitingSuccessors, Deque<Integer> free) {
        for (int i = 0; i < predecessors.size(); i++) {
            int predecessor = predecessors.get(i);
            if (--waitingSuccessors[predecessor] == 0) {
                free.add(predecessor);
            }
        }
    }

    double level(int task) {
        return levels[task];
    }

    /**
     * Updates the levels after {@code task} was appended with its edges: its own level, then, while levels change,
     * those of its ancestors. Each task is recomputed from its successors' current levels by the same formula as
     * {@link #of}, so the result is exactly what a full computation gives.
     */
    void taskAdded(TaskGraph graph, int task) {
        if (levels.length < graph.size()) {
            levels = Arrays.copyOf(levels, Math.max(graph.size(), levels.length * 2));
        }
        levels[task] = levelOf(graph, task);
        Deque<Integer> changed = new ArrayDeque<>();
        changed.add(task);
        while (!changed.isEmpty()) {
            int node = changed.poll();
            for (Ints predecessors : new Ints[] {graph.hardPredecessors(node), graph.softPredecessors(node)}) {
                for (int i = 0; i < predecessors.size(); i++) {
                    int predecessor = predecessors.get(i);
                    double level = levelOf(graph, predecessor);
                    if (level != levels[predecessor]) {
                        levels[predecessor] = level;
                        changed.add(predecessor);
                    }
                }
            }
        }
    }

    private double levelOf(TaskGraph graph, int task) {
        double estimate = graph.estimate(task);
        double level = estimate;
        Ints hard = graph.hardSuccessors(task);
        for (int i = 0; i < hard.size(); i++) {
            level = Math.max(level, estimate + levels[hard.get(i)]);
        }
        Ints soft = graph.softSuccessors(task);
        for (int i = 0; i < soft.size(); i++) {
            level = Math.max(level, TaskGraph.SOFT_START_FRACTION * estimate + levels[soft.get(i)]);
        }
        return level;
    }
}
