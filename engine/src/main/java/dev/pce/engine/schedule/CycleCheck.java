package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects cycles of hard and soft edges, naming one cycle in order so the planner sees which declarations to
 * change. Resource and feedback edges never form cycles: they do not order tasks.
 */
final class CycleCheck {

    private CycleCheck() {
    }

    /**
     * Checks the whole graph (plan time). A linear topological pass decides; only a graph that has a cycle is handed
     * to JGraphT to find and name one (building JGraphT's graph costs about 10x the pass on 100,000 tasks).
     */
    static void requireAcyclic(TaskGraph graph) {
        if (sortsTopologically(graph)) {
            return;
        }
        findCycle(graph).ifPresent(cycle -> {
            List<String> ids = new ArrayList<>(cycle.size());
            for (int i = cycle.size() - 1; i >= 0; i--) {
                ids.add(graph.id(cycle.get(i)));
            }
            throw rejected(ids);
        });
    }

    /** Kahn's algorithm: whether every task can be ordered after all its hard and soft prerequisites. */
    static boolean sortsTopologically(TaskGraph graph) {
        int n = graph.size();
        int[] waiting = new int[n];
        int[] free = new int[n];
        int freeCount = 0;
        for (int i = 0; i < n; i++) {
            waiting[i] = graph.hardPredecessors(i).size() + graph.softPredecessors(i).size();
            if (waiting[i] == 0) {
                free[freeCount++] = i;
            }
        }
        for (int taken = 0; taken < freeCount; taken++) {
            int task = free[taken];
            for (Ints successors : new Ints[] {graph.hardSuccessors(task), graph.softSuccessors(task)}) {
                for (int i = 0; i < successors.size(); i++) {
                    if (--waiting[successors.get(i)] == 0) {
                        free[freeCount++] = successors.get(i);
                    }
                }
            }
        }
        return freeCount == n;
    }

    /**
     * One cycle as task indexes in edge direction (prerequisite first, first index repeated at the end): the
     * shortest cycle through the lowest-indexed task of the first strongly connected component that has one.
     */
    static Optional<List<Integer>> findCycle(TaskGraph graph) {
        Graph<Integer, DefaultEdge> order = orderGraph(graph);
        if (!new CycleDetector<>(order).detectCycles()) {
            return Optional.empty();
        }
        Set<Integer> component = new KosarajuStrongConnectivityInspector<>(order).stronglyConnectedSets().stream()
                .filter(set -> set.size() > 1)
                .min((a, b) -> Integer.compare(Collections.min(a), Collections.min(b)))
                .orElseThrow();
        int first = Collections.min(component);
        Graph<Integer, DefaultEdge> inside = new AsSubgraph<>(order, component);
        BFSShortestPath<Integer, DefaultEdge> paths = new BFSShortestPath<>(inside);
        GraphPath<Integer, DefaultEdge> best = null;
        for (DefaultEdge out : inside.outgoingEdgesOf(first)) {
            GraphPath<Integer, DefaultEdge> back = paths.getPath(inside.getEdgeTarget(out), first);
            if (back != null && (best == null || back.getLength() < best.getLength())) {
                best = back;
            }
        }
        List<Integer> cycle = new ArrayList<>();
        cycle.add(first);
        cycle.addAll(best.getVertexList());
        return Optional.of(cycle);
    }

    /**
     * Checks, before a new task is added, that it closes no cycle: a cycle through it would run from one of the
     * tasks that will wait for it ({@code dependents}) to one it waits for ({@code prerequisites}). Walks only what
     * the dependents reach.
     */
    static void requireNoCycleThrough(TaskGraph graph, String newId, Set<Integer> prerequisites,
                                      List<Integer> dependents) {
        int[] parent = new int[graph.size()];
        Arrays.fill(parent, -2);
        Deque<Integer> stack = new ArrayDeque<>();
        for (int dependent : dependents) {
            if (parent[dependent] == -2) {
                parent[dependent] = -1;
                stack.push(dependent);
            }
        }
        while (!stack.isEmpty()) {
            int node = stack.pop();
            if (prerequisites.contains(node)) {
                List<String> cycle = new ArrayList<>();
                cycle.add(newId);
                for (int at = node; at != -1; at = parent[at]) {
                    cycle.add(graph.id(at));
                }
                cycle.add(newId);
                // collected backwards from the prerequisite: already in depends-on order
                throw rejected(cycle);
            }
            for (Ints successors : List.of(graph.hardSuccessors(node), graph.softSuccessors(node))) {
                for (int i = 0; i < successors.size(); i++) {
                    int next = successors.get(i);
                    if (parent[next] == -2) {
                        parent[next] = node;
                        stack.push(next);
                    }
                }
            }
        }
    }

    private static Graph<Integer, DefaultEdge> orderGraph(TaskGraph graph) {
        Graph<Integer, DefaultEdge> order = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < graph.size(); i++) {
            order.addVertex(i);
        }
        for (int i = 0; i < graph.size(); i++) {
            for (Ints successors : List.of(graph.hardSuccessors(i), graph.softSuccessors(i))) {
                for (int j = 0; j < successors.size(); j++) {
                    order.addEdge(i, successors.get(j));
                }
            }
        }
        return order;
    }

    /** Names the cycle the way plan validation does: each task depends on the next. */
    private static CeException rejected(List<String> ids) {
        return new CeException(ErrorCode.INVALID_PLAN, "Plan rejected: dependency cycle over hard and soft edges: "
                + String.join(" -> ", ids) + " (each task depends on the next).",
                "Break the cycle: drop one of these dependencies, or declare it as something other than an order "
                        + "(a resource edge only keeps two tasks apart).");
    }
}
