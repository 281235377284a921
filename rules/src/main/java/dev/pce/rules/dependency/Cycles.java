package dev.pce.rules.dependency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Finds a cycle among ordering edges, so that a cycle the rules created can be reported with each edge's rule. */
final class Cycles {

    private Cycles() {
    }

    /**
     * One cycle, as the numbers of its edges in {@code edges}, in order along the cycle, if the edges have any.
     *
     * @param tasks how many tasks the plan has (every position in {@code edges} is below it)
     */
    static Optional<List<Integer>> find(int tasks, PositionEdges edges) {
        int n = tasks;
        int m = edges.size();
        // incoming and outgoing edges of each task, in the order of edges (compressed rows: firstX[task] .. [task + 1])
        int[] firstIn = new int[n + 1];
        int[] firstOut = new int[n + 1];
        for (int e = 0; e < m; e++) {
            firstIn[edges.to(e) + 1]++;
            firstOut[edges.from(e) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            firstIn[i + 1] += firstIn[i];
            firstOut[i + 1] += firstOut[i];
        }
        int[] incoming = new int[m];
        int[] outgoing = new int[m];
        int[] filledIn = Arrays.copyOf(firstIn, n);
        int[] filledOut = Arrays.copyOf(firstOut, n);
        for (int e = 0; e < m; e++) {
            incoming[filledIn[edges.to(e)]++] = e;
            outgoing[filledOut[edges.from(e)]++] = e;
        }
        int[] inDegree = new int[n];
        for (int i = 0; i < n; i++) {
            inDegree[i] = firstIn[i + 1] - firstIn[i];
        }
        // Kahn's algorithm removes every task not on or behind a cycle
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        boolean[] removed = new boolean[n];
        while (head < tail) {
            int task = queue[head++];
            removed[task] = true;
            for (int k = firstOut[task]; k < firstOut[task + 1]; k++) {
                int to = edges.to(outgoing[k]);
                if (--inDegree[to] == 0) {
                    queue[tail++] = to;
                }
            }
        }
        int start = -1;
        for (int i = 0; i < n && start < 0; i++) {
            if (!removed[i]) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        // every remaining task has a remaining predecessor: walking back must repeat a task, closing a cycle
        int[] seenAt = new int[n];
        Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        int task = start;
        while (seenAt[task] < 0) {
            seenAt[task] = walk.size();
            int back = -1;
            for (int k = firstIn[task]; k < firstIn[task + 1] && back < 0; k++) {
                if (!removed[edges.from(incoming[k])]) {
                    back = incoming[k];
                }
            }
            walk.add(back);
            task = edges.from(back);
        }
        List<Integer> cycle = new ArrayList<>(walk.subList(seenAt[task], walk.size()));
        Collections.reverse(cycle);
        return Optional.of(cycle);
    }
}
