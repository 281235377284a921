package dev.pce.server.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * What a load run does: {@code pools} pools of {@code agentsPerPool} simulated agents work off a plan of at least
 * {@code transitions} task transitions, once for each entry of {@code processCounts} (server processes sharing the
 * workspace), each run on a fresh workspace.
 *
 * @param deadline how long one run may take before it counts as hung (agents are stopped and the run fails)
 */
public record LoadOptions(int agentsPerPool, int pools, List<Integer> processCounts, int transitions, long seed,
                          Duration deadline) {
    /** Enough for the full size on a slow machine: ten times what a 2-core machine needs. */
    private static final double MIN_TRANSITIONS_PER_SECOND = 20;

    public LoadOptions {
        processCounts = List.copyOf(processCounts);
        require(agentsPerPool >= 1, "--agents must be at least 1, not " + agentsPerPool);
        require(pools >= 1 && pools <= LoadPlan.MAX_POOLS, "--pools must be 1 to " + LoadPlan.MAX_POOLS + ", not "
                + pools);
        require(!processCounts.isEmpty(), "--processes needs at least one process count");
        int agents = agentsPerPool * pools;
        for (int processes : processCounts) {
            require(processes >= 1 && processes <= agents, "--processes must be 1 to the number of agents ("
                    + agents + "), not " + processes);
        }
        require(transitions >= 2, "--transitions must be at least 2 (one claim and one completion), not "
                + transitions);
        require(!deadline.isNegative() && !deadline.isZero(), "the deadline must be positive");
    }

    /** The options with a deadline that fits the size: at least two minutes. */
    public LoadOptions(int agentsPerPool, int pools, List<Integer> processCounts, int transitions, long seed) {
        this(agentsPerPool, pools, processCounts, transitions, seed,
                Duration.ofSeconds(Math.max(120, (long) (transitions / MIN_TRANSITIONS_PER_SECOND))));
    }

    public int agents() {
        return agentsPerPool * pools;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
