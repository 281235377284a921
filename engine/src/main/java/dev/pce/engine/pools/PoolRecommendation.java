package dev.pce.engine.pools;

import dev.pce.engine.schedule.PoolSlots;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recommended agents per pool for one plan, with the makespan history predicts either way. Minutes are rounded to
 * three figures, shares to whole percents, for people.
 *
 * @param basedOnWorkflows           the finished workflows the prediction comes from
 * @param budget                     what the recommendation may change, in words
 * @param current                    the plan's pools and their agents as configured
 * @param recommended                the same pools with the recommended agents
 * @param currentMakespanMinutes     the predicted makespan with the current agents
 * @param recommendedMakespanMinutes the predicted makespan with the recommended agents
 * @param gainMinutes                the difference, 0 when nothing changes
 * @param gainPercent                the difference as a percentage of the current prediction
 * @param pools                      per pool, what changes and why
 * @param applied                    whether the plan is scheduled with the recommended agents
 */
public record PoolRecommendation(int basedOnWorkflows, String budget, Map<String, Integer> current,
                                 Map<String, Integer> recommended, double currentMakespanMinutes,
                                 double recommendedMakespanMinutes, double gainMinutes, double gainPercent,
                                 List<PoolAdvice> pools, boolean applied) {

    public PoolRecommendation {
        current = Map.copyOf(new TreeMap<>(current));
        recommended = Map.copyOf(new TreeMap<>(recommended));
        pools = List.copyOf(pools);
    }

    /** One pool: its agents now and recommended, and the reason in history's and the plan's terms. */
    public record PoolAdvice(String pool, int current, int recommended, String reason) {
    }

    /** Whether any pool's agents change. */
    public boolean changes() {
        return !current.equals(recommended);
    }

    /** {@code slots} with the recommended agents in place of the current ones. */
    public PoolSlots applyTo(PoolSlots slots) {
        PoolSlots result = slots;
        for (Map.Entry<String, Integer> pool : recommended.entrySet()) {
            result = result.with(pool.getKey(), pool.getValue());
        }
        return result;
    }

    /** This recommendation, marked as applied to the plan. */
    public PoolRecommendation asApplied() {
        return new PoolRecommendation(basedOnWorkflows, budget, current, recommended, currentMakespanMinutes,
                recommendedMakespanMinutes, gainMinutes, gainPercent, pools, true);
    }
}
