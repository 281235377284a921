package dev.pce.server.bench.crash;

import dev.pce.engine.Limits;

/**
 * What a crash run does: waves of processes writing one workflow's event log, each killed with SIGKILL at a random
 * moment after its first acknowledgement, until {@code kills} processes died.
 *
 * @param appendersPerWave light appender processes started in each wave
 * @param serversPerWave   real {@code ce serve} processes started in every {@code serverWaveEvery}-th wave
 * @param agentsPerServer  agents claiming and completing through each server, their calls in flight together
 * @param tasks            tasks of the workflow they work on (independent, all for the builders)
 * @param maxKillDelayMillis a process dies up to this long after its first acknowledgement
 */
public record CrashOptions(int kills, int appendersPerWave, int serversPerWave, int serverWaveEvery,
                           int agentsPerServer, int tasks, int maxKillDelayMillis, long seed) {

    public CrashOptions {
        require(kills >= 1, "--kills must be at least 1, not " + kills);
        require(appendersPerWave >= 0 && serversPerWave >= 0 && appendersPerWave + serversPerWave >= 1,
                "a wave needs at least one process to kill");
        require(serverWaveEvery >= 1, "--server-wave-every must be at least 1, not " + serverWaveEvery);
        require(agentsPerServer >= 1, "--agents must be at least 1, not " + agentsPerServer);
        require(tasks >= 1 && tasks <= Limits.MAX_TASKS, "--tasks must be 1 to " + Limits.MAX_TASKS + ", not " + tasks);
        require(maxKillDelayMillis >= 0, "--max-delay must not be negative");
    }

    /** The defaults of {@code ce bench crash} for {@code kills}: servers in every fourth wave, a plan that lasts. */
    public static CrashOptions forKills(int kills, long seed) {
        return new CrashOptions(kills, 8, 2, 4, 3, Math.min(Limits.MAX_TASKS, Math.max(2_000, kills)), 60, seed);
    }

    /** Whether wave {@code wave} (from 1) starts servers. */
    boolean serversIn(int wave) {
        return serversPerWave > 0 && wave % serverWaveEvery == 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
