package dev.pce.engine.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pce.engine.event.Event;
import dev.pce.engine.service.WorkflowPhase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one workflow's events say about how it ran (definitions in the package documentation and
 * docs/metrics.md).
 *
 * @param plannedAt         when the plan was recorded; empty for a log without its first event
 * @param phase             where the workflow stands at {@code asOf}; empty when it was never planned
 * @param asOf              the time the metrics describe: running attempts and open holds end here
 * @param start             the first claim
 * @param end               the end of the last attempt
 * @param makespanSeconds   from {@code start} to {@code end}; 0 before the first claim
 * @param sequentialSeconds the completed attempts' durations added up
 * @param tasks             in plan order
 * @param gates             every evaluation, in event order
 */
public record WorkflowMetrics(String workflowId, String goal, Optional<Instant> plannedAt,
                              Optional<WorkflowPhase> phase, Instant asOf, Optional<Instant> start,
                              Optional<Instant> end, double makespanSeconds, double sequentialSeconds,
                              AttemptCounts attempts, Rework rework, List<PoolMetrics> pools,
                              List<TaskMetrics> tasks, List<GateEvaluation> gates, List<GateHold> gateHolds) {

    public WorkflowMetrics {
        Objects.requireNonNull(workflowId, "workflowId");
        pools = List.copyOf(pools);
        tasks = List.copyOf(tasks);
        gates = List.copyOf(gates);
        gateHolds = List.copyOf(gateHolds);
    }

    /**
     * The metrics of one workflow's log ({@code events} in sequence order) at {@code asOf}, normally now: it only
     * matters while attempts run. A pure function of its arguments.
     */
    public static WorkflowMetrics of(String workflowId, List<Event> events, Instant asOf) {
        return WorkflowMeasurer.measure(workflowId, events, asOf);
    }

    /** Sequential time / makespan; empty before anything ran. */
    @JsonProperty("speedup")
    public OptionalDouble speedup() {
        return makespanSeconds > 0 ? OptionalDouble.of(sequentialSeconds / makespanSeconds) : OptionalDouble.empty();
    }

    /**
     * The most attempts that ran at once, by the claims' and their ends' times in the log: how many agents worked
     * in parallel at the busiest moment. An attempt that ends when another starts does not overlap it.
     */
    public int peakConcurrentAttempts() {
        List<Attempt> attempts = tasks.stream().flatMap(task -> task.attempts().stream()).toList();
        List<Instant> starts = attempts.stream().map(Attempt::start).sorted().toList();
        List<Instant> ends = attempts.stream().map(Attempt::end).sorted().toList();
        int running = 0;
        int peak = 0;
        int next = 0;
        for (Instant start : starts) {
            while (next < ends.size() && !ends.get(next).isAfter(start)) {
                running--;
                next++;
            }
            peak = Math.max(peak, ++running);
        }
        return peak;
    }

    /**
     * The share of wall-clock time saved against doing the completed attempts one at a time:
     * {@code 1 - makespan / sequential time} (0.65 = 65% less time); empty before anything completed.
     */
    public OptionalDouble timeSaved() {
        return sequentialSeconds > 0 ? OptionalDouble.of(1 - makespanSeconds / sequentialSeconds)
                : OptionalDouble.empty();
    }

    /** Evaluations that did not block / all evaluations; empty without evaluations. */
    @JsonProperty("gate_pass_rate")
    public OptionalDouble gatePassRate() {
        return gates.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of((double) gates.stream().filter(GateEvaluation::passed).count() / gates.size());
    }

    /** Finished without every task done: a task failed for good and nothing else can run. */
    @JsonProperty("failed")
    public boolean failed() {
        return phase.orElse(WorkflowPhase.ACTIVE) == WorkflowPhase.FAILED;
    }

    /** The busy time of every pool over (makespan x every pool's agents); empty before anything ran. */
    @JsonProperty("utilization")
    public OptionalDouble utilization() {
        int agents = pools.stream().mapToInt(PoolMetrics::agents).sum();
        double busy = pools.stream().mapToDouble(PoolMetrics::busySeconds).sum();
        return makespanSeconds > 0 && agents > 0 ? OptionalDouble.of(busy / (makespanSeconds * agents))
                : OptionalDouble.empty();
    }

    public Optional<TaskMetrics> task(String taskId) {
        return tasks.stream().filter(task -> task.id().equals(taskId)).findFirst();
    }

    public Optional<PoolMetrics> pool(String pool) {
        return pools.stream().filter(metrics -> metrics.pool().equals(pool)).findFirst();
    }
}
