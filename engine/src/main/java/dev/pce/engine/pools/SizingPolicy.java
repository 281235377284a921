package dev.pce.engine.pools;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.schedule.PoolSlots;

import java.util.Locale;

/**
 * The budget pool sizes are recommended within, and whether a plan is scheduled with them.
 *
 * <p>By default the total stays: agents only move between the plan's pools, each move kept when it shortens the
 * predicted makespan by at least {@link PoolOptimizer#MIN_MOVE_GAIN}. {@code extraAgents} allows that many more on
 * top, each kept only when it shortens the predicted makespan by at least {@code minGainPerAgent}.
 *
 * @param apply            schedule new plans with the recommended sizes (off: recommend only)
 * @param extraAgents      agents that may be added to the plan's pools in total, 0 to {@link #MAX_EXTRA_AGENTS}
 * @param minGainPerAgent  the share of the predicted makespan an extra agent must save, above 0 and at most 1
 * @param maxAgentsPerPool no pool is recommended more agents than this, 1 to {@link PoolSlots#MAX_SLOTS}
 */
public record SizingPolicy(boolean apply, int extraAgents, double minGainPerAgent, int maxAgentsPerPool) {
    public static final int MAX_EXTRA_AGENTS = 100;
    public static final SizingPolicy DEFAULT = new SizingPolicy(false, 0, 0.05, 10);

    /**
     * @throws CeException {@code INVALID_ARGUMENT} naming the value out of range and what is allowed
     */
    public SizingPolicy {
        if (extraAgents < 0 || extraAgents > MAX_EXTRA_AGENTS) {
            throw invalid("extra_agents is " + extraAgents, "a whole number from 0 to " + MAX_EXTRA_AGENTS
                    + " (0 keeps the total of agents)");
        }
        if (!(minGainPerAgent > 0 && minGainPerAgent <= 1)) {
            throw invalid("min_gain_per_agent is " + minGainPerAgent, "a share above 0 and at most 1, e.g. 0.05 for"
                    + " 5% of the makespan");
        }
        if (maxAgentsPerPool < 1 || maxAgentsPerPool > PoolSlots.MAX_SLOTS) {
            throw invalid("max_agents_per_pool is " + maxAgentsPerPool, "a whole number from 1 to "
                    + PoolSlots.MAX_SLOTS);
        }
    }

    /** The budget in words, for the answer. */
    public String budget(int totalAgents) {
        String moves = String.format(Locale.ROOT, "same total of %d agent(s): an agent moves between pools only when "
                + "that shortens the predicted makespan by at least %.0f%%", totalAgents, PoolOptimizer.MIN_MOVE_GAIN * 100);
        if (extraAgents == 0) {
            return moves + "; at most " + maxAgentsPerPool + " per pool";
        }
        return String.format(Locale.ROOT, "%s; then up to %d extra agent(s), each kept only when it shortens the "
                + "predicted makespan by at least %.0f%%; at most %d per pool", moves, extraAgents,
                minGainPerAgent * 100, maxAgentsPerPool);
    }

    private static CeException invalid(String what, String allowed) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, "Bad pool sizing setting: " + what + "; allowed: "
                + allowed + ".", "Correct the value under pool_sizing in .ce/config.yml, or remove the key for its "
                + "default.");
    }
}
