package dev.pce.server.bench.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a crash run found.
 *
 * @param kills        processes killed, by kind ({@code ce serve}, {@code appender})
 * @param acknowledged acknowledgements checked against the log, by kind ({@code Tick}, {@code Claim}, ...)
 * @param lost         acknowledgements the log did not hold after the kill: must be empty
 * @param problems     anything else that went wrong (a process that never acknowledged, a log a fresh server could
 *                     not read, a workflow that could not go on): must be empty
 * @param events       events in the log at the end
 * @param tornTailsCut lines left half-written by a kill and cut by the next writer (kept beside the log)
 */
public record CrashResult(int waves, Map<String, Integer> kills, Map<String, Integer> acknowledged, List<String> lost,
                          List<String> problems, long events, int tornTailsCut, Duration elapsed) {

    public CrashResult {
        kills = Map.copyOf(kills);
        acknowledged = Map.copyOf(acknowledged);
        lost = List.copyOf(lost);
        problems = List.copyOf(problems);
    }

    public int totalKills() {
        return kills.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalAcknowledged() {
        return acknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean passed() {
        return lost.isEmpty() && problems.isEmpty();
    }
}
