package dev.pce.engine.metrics;

import dev.pce.engine.Elapsed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One pool's share of a workflow.
 *
 * @param tasks       the workflow's tasks in this pool
 * @param agents      the distinct agents that claimed a task from this pool
 * @param busySeconds the time those agents held claims of this pool, per agent with overlapping claims counted once
 * @param utilization busySeconds / (the workflow's makespan x agents); empty without makespan or agents
 * @param waits       the attempts whose wait (ready to claimed) is known
 */
public record PoolMetrics(String pool, int tasks, int agents, AttemptCounts attempts, double busySeconds,
                          OptionalDouble utilization, int waits, OptionalDouble waitP50Seconds,
                          OptionalDouble waitP95Seconds) {

    /** The pool's metrics from its tasks' attempts, against the workflow's makespan. */
    static PoolMetrics of(String pool, int tasks, List<Attempt> attempts, double makespanSeconds) {
        Map<String, List<Attempt>> byAgent = new TreeMap<>();
        attempts.forEach(attempt -> byAgent.computeIfAbsent(attempt.agent(), agent -> new ArrayList<>()).add(attempt));
        double busy = byAgent.values().stream().mapToDouble(PoolMetrics::unionSeconds).sum();
        OptionalDouble utilization = makespanSeconds > 0 && !byAgent.isEmpty()
                ? OptionalDouble.of(busy / (makespanSeconds * byAgent.size())) : OptionalDouble.empty();
        List<Double> waits = new ArrayList<>();
        attempts.forEach(attempt -> attempt.waitSeconds().ifPresent(waits::add));
        return new PoolMetrics(pool, tasks, byAgent.size(), AttemptCounts.of(attempts), busy, utilization,
                waits.size(), Percentiles.of(waits, 0.5), Percentiles.of(waits, 0.95));
    }

    /** The length of the union of the attempts' intervals: an agent holding two claims at once is busy once. */
    private static double unionSeconds(List<Attempt> attempts) {
        List<Attempt> byStart = attempts.stream().sorted(Comparator.comparing(Attempt::start)).toList();
        double total = 0;
        Instant from = null;
        Instant to = null;
        for (Attempt attempt : byStart) {
            if (to != null && !attempt.start().isAfter(to)) {
                to = Seconds.later(to, attempt.end());
                continue;
            }
            if (to != null) {
                total += Elapsed.seconds(from, to);
            }
            from = attempt.start();
            to = attempt.end();
        }
        return to == null ? 0 : total + Elapsed.seconds(from, to);
    }
}
