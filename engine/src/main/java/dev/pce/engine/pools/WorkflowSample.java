package dev.pce.engine.pools;

import dev.pce.engine.event.Event;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.metrics.Attempt;
import dev.pce.engine.metrics.AttemptCounts;
import dev.pce.engine.metrics.AttemptOutcome;
import dev.pce.engine.metrics.PoolMetrics;
import dev.pce.engine.metrics.TaskMetrics;
import dev.pce.engine.metrics.WorkflowMetrics;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowPhase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one finished workflow contributes to {@link PoolHistory}: sums per pool and the actual/estimated ratios per
 * kind. Metrics and ratios come from the definitions of {@code ce report} ({@link WorkflowMetrics}) and of learning
 * ({@link WorkflowLearning}).
 *
 * @param pools        per pool, its sums in this workflow
 * @param ratios       per kind, the actual/estimated ratio of every successful attempt (against the planner's
 *                     estimate)
 * @param outcomes     how the attempts and reviews of every kind ended in this workflow
 * @param kindOutcomes per kind, how its attempts and reviews ended
 */
record WorkflowSample(Map<String, PoolSums> pools, Map<String, List<Double>> ratios, KindOutcomes outcomes,
                      Map<String, KindOutcomes> kindOutcomes) {

    WorkflowSample {
        pools = Map.copyOf(pools);
        ratios = Map.copyOf(ratios);
        kindOutcomes = Map.copyOf(kindOutcomes);
    }

    /**
     * One pool's sums in one workflow.
     *
     * @param utilization the pool's utilization in the workflow; negative when unknown (no agents or no makespan)
     */
    record PoolSums(int attempts, int failed, int plannedTasks, int addedTasks, double allSeconds,
                    double plannedDoneSeconds, double waitSeconds, double waitedOrWorkedSeconds, double utilization) {
        static final PoolSums NONE = new PoolSums(0, 0, 0, 0, 0, 0, 0, 0, -1);

        PoolSums task(boolean planned) {
            return new PoolSums(attempts, failed, plannedTasks + (planned ? 1 : 0), addedTasks + (planned ? 0 : 1),
                    allSeconds, plannedDoneSeconds, waitSeconds, waitedOrWorkedSeconds, utilization);
        }

        PoolSums attempt(Attempt attempt, boolean plannedTask) {
            if (attempt.outcome() == AttemptOutcome.RUNNING) {
                return this;
            }
            boolean failedOrExpired = attempt.outcome() == AttemptOutcome.FAILED
                    || attempt.outcome() == AttemptOutcome.EXPIRED;
            double seconds = attempt.durationSeconds();
            double waited = attempt.waitSeconds().orElse(0);
            boolean waitKnown = attempt.waitSeconds().isPresent();
            return new PoolSums(attempts + 1, failed + (failedOrExpired ? 1 : 0), plannedTasks, addedTasks,
                    allSeconds + seconds, plannedDoneSeconds + (plannedTask
                    && attempt.outcome() == AttemptOutcome.COMPLETED ? seconds : 0), waitSeconds + waited,
                    waitedOrWorkedSeconds + (waitKnown ? waited + seconds : 0), utilization);
        }

        PoolSums withUtilization(double value) {
            return new PoolSums(attempts, failed, plannedTasks, addedTasks, allSeconds, plannedDoneSeconds,
                    waitSeconds, waitedOrWorkedSeconds, value);
        }
    }

    /** The workflow's sample; empty while it has not finished (its waits and failures are not over yet). */
    static Optional<WorkflowSample> of(String workflowId, List<Event> events, Instant asOf) {
        if (events.isEmpty() || !(events.getFirst().payload() instanceof WorkflowPlanned planned)) {
            return Optional.empty();
        }
        WorkflowMetrics metrics = WorkflowMetrics.of(workflowId, events, asOf);
        if (!metrics.phase().map(WorkflowPhase::finished).orElse(false)) {
            return Optional.empty();
        }
        Set<String> plannedIds = planned.tasks().stream().map(TaskSpec::id).collect(Collectors.toSet());
        Map<String, PoolSums> pools = new TreeMap<>();
        for (TaskMetrics task : metrics.tasks()) {
            boolean plannedTask = plannedIds.contains(task.id());
            pools.merge(task.pool(), PoolSums.NONE.task(plannedTask), (old, none) -> old.task(plannedTask));
            for (Attempt attempt : task.attempts()) {
                pools.put(attempt.pool(), pools.getOrDefault(attempt.pool(), PoolSums.NONE)
                        .attempt(attempt, plannedTask));
            }
        }
        for (PoolMetrics pool : metrics.pools()) {
            pool.utilization().ifPresent(value -> pools.computeIfPresent(pool.pool(),
                    (name, sums) -> sums.withUtilization(value)));
        }
        Map<String, List<Double>> ratios = new TreeMap<>();
        LearningReport report = WorkflowLearning.report(workflowId, events);
        for (LearningReport.EstimateAccuracy accuracy : report.estimates()) {
            ratios.computeIfAbsent(accuracy.kind(), kind -> new ArrayList<>()).addAll(accuracy.ratios());
        }
        Map<String, KindOutcomes> kindOutcomes = kindOutcomes(metrics, report);
        KindOutcomes outcomes = kindOutcomes.values().stream().reduce(KindOutcomes.NONE, KindOutcomes::plus);
        // the workflow counts once for every kind together
        outcomes = new KindOutcomes(KindOutcomes.Share.ofOneWorkflow(outcomes.attempts().hits(),
                outcomes.attempts().count()), KindOutcomes.Share.ofOneWorkflow(outcomes.reviews().hits(),
                outcomes.reviews().count()));
        return Optional.of(new WorkflowSample(pools, ratios, outcomes, kindOutcomes));
    }

    /**
     * Per kind, its ended attempts and how many failed or expired (the failure rate of {@code ce report}), and its
     * completed reviews and how many asked for changes (the reviews that learning's review rework names).
     */
    private static Map<String, KindOutcomes> kindOutcomes(WorkflowMetrics metrics, LearningReport report) {
        Set<String> askedForChanges = report.rework().stream().map(LearningReport.ReworkLoop::reviewTaskId)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        Map<String, int[]> tallies = new TreeMap<>();
        for (TaskMetrics task : metrics.tasks()) {
            int[] tally = tallies.computeIfAbsent(task.kind(), kind -> new int[4]);
            AttemptCounts attempts = AttemptCounts.of(task.attempts());
            tally[0] += attempts.failed() + attempts.expired();
            tally[1] += attempts.total() - attempts.running();
            if (task.pool().equals(Pools.REVIEWERS) && task.completedSeconds().isPresent()) {
                tally[2] += askedForChanges.contains(task.id()) ? 1 : 0;
                tally[3]++;
            }
        }
        Map<String, KindOutcomes> outcomes = new TreeMap<>();
        tallies.forEach((kind, tally) -> outcomes.put(kind, new KindOutcomes(
                KindOutcomes.Share.ofOneWorkflow(tally[0], tally[1]),
                KindOutcomes.Share.ofOneWorkflow(tally[2], tally[3]))));
        return outcomes;
    }
}
