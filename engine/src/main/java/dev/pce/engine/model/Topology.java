package dev.pce.engine.model;

import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/** Orderings and cycle checks over the depends_on graph of a plan. Linear time; no recursion (deep chains). */
public final class Topology {

    private Topology() {
    }

    /**
     * Task ids with every dependency before its dependents; among tasks free at the same time, plan order wins.
     * Unknown dependency ids are ignored; tasks on a cycle (an invalid plan) come last, in plan order.
     */
    public static List<String> order(List<TaskSpec> tasks) {
        Map<String, TaskSpec> byId = new HashMap<>(tasks.size() * 2);
        tasks.forEach(task -> byId.put(task.id(), task));
        return order(tasks.stream().map(TaskSpec::id).toList(), id -> byId.get(id).dependsOn());
    }

    /** The same ordering over any prerequisite relation (for example the classified hard and soft edges). */
    public static List<String> order(List<String> ids, Function<String, ? extends Collection<String>> prerequisites) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int[] missing = new int[ids.size()];
        List<List<Integer>> dependents = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            dependents.add(new ArrayList<>(2));
        }
        for (int i = 0; i < ids.size(); i++) {
            for (String dependency : prerequisites.apply(ids.get(i))) {
                Integer from = index.get(dependency);
                if (from != null) {
                    dependents.get(from).add(i);
                    missing[i]++;
                }
            }
        }
        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int i = 0; i < ids.size(); i++) {
            if (missing[i] == 0) {
                free.add(i);
            }
        }
        List<String> order = new ArrayList<>(ids.size());
        boolean[] placed = new boolean[ids.size()];
        while (!free.isEmpty()) {
            int next = free.poll();
            placed[next] = true;
            order.add(ids.get(next));
            for (int dependent : dependents.get(next)) {
                if (--missing[dependent] == 0) {
                    free.add(dependent);
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!placed[i]) {
                order.add(ids.get(i));
            }
        }
        return order;
    }

    /**
     * One dependency cycle, if the plan has any, as the ids along it with the first repeated at the end
     * (a -> b -> c -> a means a depends on b, b on c, c on a).
     */
    public static Optional<List<String>> findCycle(List<TaskSpec> tasks) {
        Map<String, Integer> index = indexOf(tasks);
        int[][] dependencies = new int[tasks.size()][];
        for (int i = 0; i < tasks.size(); i++) {
            List<String> ids = tasks.get(i).dependsOn();
            dependencies[i] = new int[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                dependencies[i][k] = index.getOrDefault(ids.get(k), -1);
            }
        }
        return findCycle(tasks, dependencies);
    }

    /**
     * As {@link #findCycle(List)}, with each task's {@code depends_on} already resolved to positions in
     * {@code tasks} (-1 for an id that is none of them; plan validation resolves them to find unknown ids).
     */
    public static Optional<List<String>> findCycle(List<TaskSpec> tasks, int[][] dependencies) {
        int n = tasks.size();
        byte[] color = new byte[n]; // 0 unvisited, 1 on the current path, 2 finished
        int[] parent = new int[n];
        int[] nextEdge = new int[n];
        int[] stack = new int[n];
        for (int root = 0; root < n; root++) {
            if (color[root] != 0) {
                continue;
            }
            int depth = 0;
            stack[depth++] = root;
            color[root] = 1;
            parent[root] = -1;
            while (depth > 0) {
                int node = stack[depth - 1];
                int[] out = dependencies[node];
                if (nextEdge[node] == out.length) {
                    color[node] = 2;
                    depth--;
                    continue;
                }
                int next = out[nextEdge[node]++];
                if (next < 0 || color[next] == 2) {
                    continue;
                }
                if (color[next] == 1) {
                    return Optional.of(cycleThrough(tasks, parent, node, next));
                }
                color[next] = 1;
                parent[next] = node;
                stack[depth++] = next;
            }
        }
        return Optional.empty();
    }

    private static List<String> cycleThrough(List<TaskSpec> tasks, int[] parent, int last, int first) {
        List<String> path = new ArrayList<>();
        for (int node = last; node != first; node = parent[node]) {
            path.add(tasks.get(node).id());
        }
        path.add(tasks.get(first).id());
        Collections.reverse(path);
        path.add(tasks.get(first).id());
        return path;
    }

    private static Map<String, Integer> indexOf(List<TaskSpec> tasks) {
        Map<String, Integer> index = new HashMap<>(tasks.size() * 2);
        for (int i = 0; i < tasks.size(); i++) {
            index.putIfAbsent(tasks.get(i).id(), i);
        }
        return index;
    }
}
