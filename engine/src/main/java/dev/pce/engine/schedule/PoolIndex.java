package dev.pce.engine.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pools of a graph numbered in order of first use, for the schedulers' arrays: each task's pool number and each
 * pool's slots.
 *
 * @param names    the pools' names by number
 * @param poolOf   each task's pool number, by task index
 * @param capacity each pool's slots, by number
 */
record PoolIndex(List<String> names, int[] poolOf, int[] capacity) {

    static PoolIndex of(TaskGraph graph, PoolSlots slots) {
        List<String> names = new ArrayList<>();
        int[] poolOf = new int[graph.size()];
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < poolOf.length; i++) {
            poolOf[i] = numbers.computeIfAbsent(graph.pool(i), name -> {
                names.add(name);
                return names.size() - 1;
            });
        }
        int[] capacity = new int[names.size()];
        for (int p = 0; p < capacity.length; p++) {
            capacity[p] = slots.slotsOf(names.get(p));
        }
        return new PoolIndex(names, poolOf, capacity);
    }
}
