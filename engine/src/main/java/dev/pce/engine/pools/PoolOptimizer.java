package dev.pce.engine.pools;

import dev.pce.engine.PlainNumbers;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Schedule;
import dev.pce.engine.schedule.SlotTrials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recommends agents per pool for a plan. The plan is scheduled (list scheduling, as the live schedule does) with the
 * durations {@link PoolHistory} predicts, under candidate pool sizes:
 * <ol>
 *   <li>moves at the same total: the move of one agent from one pool to another that shortens the predicted makespan
 *       most is kept while it saves at least {@link #MIN_MOVE_GAIN} of it;</li>
 *   <li>extra agents, when the {@link SizingPolicy} allows them: the one that shortens the makespan most is kept
 *       while it saves at least the policy's share.</li>
 * </ol>
 * A pool keeps at least one agent and gets no more than its tasks (an agent more could never work) or the policy's
 * maximum. Deterministic: ties go to the pools in name order.
 */
public final class PoolOptimizer {
    /** A move must save this share of the predicted makespan: below it is noise in the estimates. */
    public static final double MIN_MOVE_GAIN = 0.01;
    /** The tasks scheduled over the whole search, at most: a plan of thousands gets fewer candidates, not a wait. */
    static final long MAX_SCHEDULED_TASKS = 500_000;

    private final SlotTrials trials;
    private final PoolSlots base;
    private final List<String> pools;
    private final Map<String, Integer> caps = new HashMap<>();
    private final Map<Map<String, Integer>, Schedule> tried = new HashMap<>();
    private final long maxTrials;

    private PoolOptimizer(List<TaskSpec> expected, List<ClassifiedEdge> edges, PoolSlots base, SizingPolicy policy) {
        this.trials = new SlotTrials(expected, edges);
        this.base = base;
        Map<String, Integer> tasksPerPool = new TreeMap<>();
        expected.forEach(task -> tasksPerPool.merge(task.pool(), 1, Integer::sum));
        this.pools = List.copyOf(tasksPerPool.keySet());
        tasksPerPool.forEach((pool, tasks) -> caps.put(pool,
                Math.max(base.slotsOf(pool), Math.min(tasks, policy.maxAgentsPerPool()))));
        this.maxTrials = Math.max(2, MAX_SCHEDULED_TASKS / Math.max(1, expected.size()));
    }

    /**
     * @param plannerTasks the plan's tasks with the planner's own estimates (before any learned correction)
     * @param edges        the plan's classified relations
     * @param current      the agents per pool the plan would run with
     * @throws dev.pce.engine.CeException {@code INVALID_PLAN} for a plan the scheduler refuses (a cycle)
     */
    public static PoolRecommendation recommend(List<TaskSpec> plannerTasks, List<ClassifiedEdge> edges,
                                               PoolSlots current, PoolHistory history, SizingPolicy policy) {
        List<TaskSpec> expected = new DurationModel(history).expected(plannerTasks);
        PoolOptimizer optimizer = new PoolOptimizer(expected, edges, current, policy);
        Map<String, Integer> start = new TreeMap<>();
        optimizer.pools.forEach(pool -> start.put(pool, current.slotsOf(pool)));
        Map<String, Integer> moved = optimizer.moves(start);
        Map<String, Integer> best = optimizer.extras(moved, policy);
        Schedule before = optimizer.schedule(start);
        Schedule after = optimizer.schedule(best);
        PoolReasons reasons = new PoolReasons(history, plannerTasks, expected, before, after);
        List<PoolRecommendation.PoolAdvice> advice = new ArrayList<>();
        for (String pool : optimizer.pools) {
            advice.add(new PoolRecommendation.PoolAdvice(pool, start.get(pool), best.get(pool),
                    reasons.of(pool, start.get(pool), best.get(pool))));
        }
        double gain = before.makespan() - after.makespan();
        int total = start.values().stream().mapToInt(Integer::intValue).sum();
        return new PoolRecommendation(history.workflows(), policy.budget(total), start, best,
                PlainNumbers.rounded(before.makespan(), 3), PlainNumbers.rounded(after.makespan(), 3),
                PlainNumbers.rounded(gain, 3), before.makespan() > 0 ? PlainNumbers.decimals(100 * gain
                / before.makespan(), 1) : 0, advice, false);
    }

    /** Agents moved one at a time between pools while a move saves enough. */
    private Map<String, Integer> moves(Map<String, Integer> start) {
        Map<String, Integer> sizes = start;
        Schedule current = schedule(sizes);
        while (true) {
            Map<String, Integer> next = null;
            Schedule nextSchedule = null;
            for (String from : pools) {
                for (String to : pools) {
                    if (from.equals(to) || sizes.get(from) <= 1 || sizes.get(to) >= caps.get(to)) {
                        continue;
                    }
                    Map<String, Integer> candidate = with(with(sizes, from, -1), to, 1);
                    Schedule schedule = trial(candidate);
                    if (schedule == null) {
                        return sizes; // out of search budget: the best found so far
                    }
                    if (nextSchedule == null || schedule.makespan() < nextSchedule.makespan()) {
                        next = candidate;
                        nextSchedule = schedule;
                    }
                }
            }
            if (next == null || nextSchedule.makespan() > current.makespan() * (1 - MIN_MOVE_GAIN)) {
                return sizes;
            }
            sizes = next;
            current = nextSchedule;
        }
    }

    /** Extra agents, each to the pool where it saves most, while it saves the policy's share. */
    private Map<String, Integer> extras(Map<String, Integer> start, SizingPolicy policy) {
        Map<String, Integer> sizes = start;
        Schedule current = schedule(sizes);
        for (int added = 0; added < policy.extraAgents(); added++) {
            Map<String, Integer> next = null;
            Schedule nextSchedule = null;
            for (String pool : pools) {
                if (sizes.get(pool) >= caps.get(pool)) {
                    continue;
                }
                Map<String, Integer> candidate = with(sizes, pool, 1);
                Schedule schedule = trial(candidate);
                if (schedule == null) {
                    return sizes;
                }
                if (nextSchedule == null || schedule.makespan() < nextSchedule.makespan()) {
                    next = candidate;
                    nextSchedule = schedule;
                }
            }
            if (next == null || current.makespan() - nextSchedule.makespan()
                    < policy.minGainPerAgent() * current.makespan()) {
                return sizes;
            }
            sizes = next;
            current = nextSchedule;
        }
        return sizes;
    }

    /** The schedule with {@code sizes}, or null when the search has scheduled as much as it may. */
    private Schedule trial(Map<String, Integer> sizes) {
        if (!tried.containsKey(sizes) && tried.size() >= maxTrials) {
            return null;
        }
        return schedule(sizes);
    }

    private Schedule schedule(Map<String, Integer> sizes) {
        return tried.computeIfAbsent(sizes, ignored -> {
            PoolSlots slots = base;
            for (Map.Entry<String, Integer> pool : sizes.entrySet()) {
                slots = slots.with(pool.getKey(), pool.getValue());
            }
            return trials.schedule(slots);
        });
    }

    private static Map<String, Integer> with(Map<String, Integer> sizes, String pool, int change) {
        Map<String, Integer> copy = new TreeMap<>(sizes);
        copy.merge(pool, change, Integer::sum);
        return Map.copyOf(copy);
    }
}
