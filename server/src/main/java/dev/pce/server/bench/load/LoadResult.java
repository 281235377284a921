package dev.pce.server.bench.load;

import dev.pce.server.bench.Samples;

import java.util.List;
import java.util.Map;

/**
 * One load run with a given number of server processes: what was planned, what the log holds, how long it took,
 * the round trips, and every violation found (during the run, in the log, in the servers' statuses).
 *
 * @param acknowledged transitions the agents were told of
 * @param seconds     from the first agent's start until the last agent stopped
 * @param abandoned   claims taken under a short lease and reported only as it ran out
 * @param lateKept    of those, reports kept (no agent had taken the task over yet)
 * @param lateRefused of those, reports refused because another agent had taken the task over
 * @param repeats     reports sent a second time, each answered as a duplicate
 * @param eventsRead  events agents read with {@code ce_events} while they waited, each checked against the log
 */
public record LoadResult(int processes, int agents, LoadPlan plan, String workflowId, AuditResult audit,
                         int acknowledged, Map<TimedTool, Samples> latencies, int abandoned, int lateKept,
                         int lateRefused, int repeats, int eventsRead, double seconds,
                         List<Violation> violations) {
    public LoadResult {
        latencies = Map.copyOf(latencies);
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    public double transitionsPerSecond() {
        return audit.transitions() / seconds;
    }
}
