package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Finds a cycle among ordering edges, so that a cycle the rules created can be reported with each edge's rule. */
final class Cycles {

    private Cycles() {
    }

    /** One cycle, as its edges in order, if the edges have any. */
    static Optional<List<ClassifiedEdge>> find(TaskIndex tasks, List<ClassifiedEdge> edges) {
        int n = tasks.size();
        List<List<ClassifiedEdge>> incoming = new ArrayList<>(n);
        List<List<ClassifiedEdge>> outgoing = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            incoming.add(new ArrayList<>(1));
            outgoing.add(new ArrayList<>(1));
        }
        int[] inDegree = new int[n];
        for (ClassifiedEdge edge : edges) {
            incoming.get(tasks.position(edge.to())).add(edge);
            outgoing.get(tasks.position(edge.from())).add(edge);
            inDegree[tasks.position(edge.to())]++;
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
            for (ClassifiedEdge edge : outgoing.get(task)) {
                int to = tasks.position(edge.to());
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
        java.util.Arrays.fill(seenAt, -1);
        List<ClassifiedEdge> walk = new ArrayList<>();
        int task = start;
        while (seenAt[task] < 0) {
            seenAt[task] = walk.size();
            ClassifiedEdge back = null;
            for (ClassifiedEdge edge : incoming.get(task)) {
                if (!removed[tasks.position(edge.from())]) {
                    back = edge;
                    break;
                }
            }
            walk.add(back);
            task = tasks.position(back.from());
        }
        List<ClassifiedEdge> cycle = new ArrayList<>(walk.subList(seenAt[task], walk.size()));
        Collections.reverse(cycle);
        return Optional.of(cycle);
    }
}
