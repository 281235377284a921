/**
 * Pool sizing from history: how many agents each pool of a plan should run. {@link dev.pce.engine.pools.PoolHistory}
 * is what finished workflows say per pool (utilization, waits, failures, rework) and per kind (actual against
 * estimated time); {@link dev.pce.engine.pools.PoolOptimizer} schedules the plan with durations that history
 * predicts under candidate pool sizes and recommends the sizes with the shortest predicted makespan within a
 * {@link dev.pce.engine.pools.SizingPolicy}; {@link dev.pce.engine.pools.PoolAdvisor} does both for a new plan and
 * applies the recommendation when the policy says so. The same history counts per kind how attempts and reviews
 * ended ({@link dev.pce.engine.pools.KindOutcomes}), the failure and rework rates
 * {@link dev.pce.engine.pools.LearnedOutcomeRates} gives a simulation ({@code ce simulate --workspace}).
 *
 * <p>Depends on the schedule (list scheduling), metrics (the measured history) and learning (estimate ratios, the
 * same definition learning uses); nothing in the engine depends on this package. See docs/learning.md, "Pool sizes".
 */
package dev.pce.engine.pools;
