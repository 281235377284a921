package dev.pce.engine.pools;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the workspace's finished workflows say about its pools and kinds of task, the history pool sizes are
 * recommended from ({@link PoolHistoryReader} measures it).
 *
 * @param workflows  how many finished workflows were measured
 * @param pools      per pool, what happened in it
 * @param kindRatios per kind, the median actual/estimated time of its successful attempts, against the planner's
 *                   own estimates (as learning measures them), within {@link #MIN_RATIO} and {@link #MAX_RATIO}
 * @param outcomes   how attempts and reviews of every kind ended, together
 * @param kindOutcomes per kind, how its attempts and reviews ended
 */
public record PoolHistory(int workflows, Map<String, PoolRecord> pools, Map<String, Double> kindRatios,
                          KindOutcomes outcomes, Map<String, KindOutcomes> kindOutcomes) {
    /** No history: durations are the estimates, nothing is added for failures or rework. */
    public static final PoolHistory NONE = new PoolHistory(0, Map.of(), Map.of());
    /** Bounds of a kind's ratio: a kind done in seconds against minutes of estimate says little about its load. */
    public static final double MIN_RATIO = 0.1;
    public static final double MAX_RATIO = 10;
    /** Bound of a pool's overhead: work done again more than twice over is a broken workflow, not a pool's load. */
    public static final double MAX_OVERHEAD = 3;

    public PoolHistory {
        pools = Map.copyOf(new TreeMap<>(pools));
        kindRatios = Map.copyOf(new TreeMap<>(kindRatios));
        kindOutcomes = Map.copyOf(new TreeMap<>(kindOutcomes));
    }

    /** A history without the outcomes of attempts and reviews by kind. */
    public PoolHistory(int workflows, Map<String, PoolRecord> pools, Map<String, Double> kindRatios) {
        this(workflows, pools, kindRatios, KindOutcomes.NONE, Map.of());
    }

    /**
     * One pool over the measured workflows.
     *
     * @param workflows    the workflows in which the pool had attempts
     * @param attempts     its attempts that ended
     * @param failureRate  attempts that failed or expired / attempts that ended
     * @param waitShare    of the time from ready to done, the share its tasks waited for an agent (ready to claimed)
     * @param utilization  the mean of its utilization per workflow (busy time / (makespan x its agents))
     * @param plannedTasks its tasks in the workflows' plans
     * @param addedTasks   its tasks added later (rework after reviews, gate remediation, forgotten steps)
     * @param overhead     all its attempts' time / the time of the successful attempts at planned tasks: what
     *                     failures, retries and added work put on top of the plan, at least 1
     */
    public record PoolRecord(String pool, int workflows, int attempts, double failureRate, double waitShare,
                             double utilization, int plannedTasks, int addedTasks, double overhead) {
    }

    public Optional<PoolRecord> pool(String name) {
        return Optional.ofNullable(pools.get(name));
    }

    /** The kind's actual/estimated ratio; 1 for a kind history has not seen. */
    public double ratioOf(String kind) {
        return kindRatios.getOrDefault(kind, 1.0);
    }

    /** How the kind's attempts and reviews ended; nothing for a kind history has not seen. */
    public KindOutcomes outcomesOf(String kind) {
        return kindOutcomes.getOrDefault(kind, KindOutcomes.NONE);
    }

    /** The pool's overhead; 1 for a pool history has not seen. */
    public double overheadOf(String pool) {
        return pool(pool).map(PoolRecord::overhead).orElse(1.0);
    }
}
