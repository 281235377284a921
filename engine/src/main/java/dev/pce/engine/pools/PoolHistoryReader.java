package dev.pce.engine.pools;

import dev.pce.engine.CeException;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.RatioStats;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.metrics.Attempt;
import dev.pce.engine.metrics.AttemptOutcome;
import dev.pce.engine.metrics.PoolMetrics;
import dev.pce.engine.metrics.TaskMetrics;
import dev.pce.engine.metrics.WorkflowMetrics;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.workspace.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Measures {@link PoolHistory} from workflows' events: only finished workflows count (a running one's waits and
 * failures are not over yet). Metrics and estimate ratios come from the same definitions as {@code ce report}
 * ({@link WorkflowMetrics}) and learning ({@link WorkflowLearning}).
 */
public final class PoolHistoryReader {
    /** The newest workflows read for a plan's recommendation: recent enough to describe today's agents. */
    public static final int NEWEST = 30;

    private final Map<String, Tally> pools = new TreeMap<>();
    private final Map<String, List<Double>> ratios = new TreeMap<>();
    private int workflows;

    private PoolHistoryReader() {
    }

    /** The history of the workspace's {@link #NEWEST} newest workflows; a log that cannot be read is left out. */
    public static PoolHistory ofWorkspace(Workspace workspace, Instant asOf) {
        List<String> ids = workspace.workflowIds();
        Map<String, List<Event>> logs = new LinkedHashMap<>();
        for (String id : ids.subList(Math.max(0, ids.size() - NEWEST), ids.size())) {
            try (EventLog log = EventLog.open(workspace.eventsFile(id), Clock.systemUTC())) {
                logs.put(id, log.readNew());
            } catch (CeException e) {
                // ce doctor and ce report name unreadable logs; a recommendation simply has one workflow less
            }
        }
        return of(logs, asOf);
    }

    /** The history of {@code logs} (events in sequence order, by workflow id) at {@code asOf}. */
    public static PoolHistory of(Map<String, List<Event>> logs, Instant asOf) {
        PoolHistoryReader reader = new PoolHistoryReader();
        logs.forEach((id, events) -> reader.add(id, events, asOf));
        return reader.history();
    }

    private void add(String workflowId, List<Event> events, Instant asOf) {
        if (events.isEmpty() || !(events.get(0).payload() instanceof WorkflowPlanned planned)) {
            return;
        }
        WorkflowMetrics metrics = WorkflowMetrics.of(workflowId, events, asOf);
        if (!metrics.phase().map(WorkflowPhase::finished).orElse(false)) {
            return;
        }
        workflows++;
        Set<String> plannedIds = planned.tasks().stream().map(TaskSpec::id).collect(Collectors.toSet());
        Map<String, Tally> seen = new HashMap<>();
        for (TaskMetrics task : metrics.tasks()) {
            tally(task.pool(), seen).tasks(plannedIds.contains(task.id()));
            for (Attempt attempt : task.attempts()) {
                tally(attempt.pool(), seen).attempt(attempt, plannedIds.contains(task.id()));
            }
        }
        for (PoolMetrics pool : metrics.pools()) {
            pool.utilization().ifPresent(utilization -> tally(pool.pool(), seen).utilization.add(utilization));
        }
        LearningReport report = WorkflowLearning.report(workflowId, events);
        for (LearningReport.EstimateAccuracy accuracy : report.estimates()) {
            ratios.computeIfAbsent(accuracy.kind(), kind -> new ArrayList<>()).addAll(accuracy.ratios());
        }
    }

    /** The pool's tally, counting this workflow for it once. */
    private Tally tally(String pool, Map<String, Tally> seenInWorkflow) {
        return seenInWorkflow.computeIfAbsent(pool, name -> {
            Tally tally = pools.computeIfAbsent(name, ignored -> new Tally());
            tally.workflows++;
            return tally;
        });
    }

    private PoolHistory history() {
        Map<String, PoolHistory.PoolRecord> records = new TreeMap<>();
        pools.forEach((pool, tally) -> records.put(pool, tally.record(pool)));
        Map<String, Double> kindRatios = new TreeMap<>();
        ratios.forEach((kind, samples) -> kindRatios.put(kind, Math.clamp(RatioStats.of(samples).median(),
                PoolHistory.MIN_RATIO, PoolHistory.MAX_RATIO)));
        return new PoolHistory(workflows, records, kindRatios);
    }

    /** One pool's sums over the workflows. */
    private static final class Tally {
        int workflows;
        int attempts;
        int failed;
        int plannedTasks;
        int addedTasks;
        double allSeconds;
        double plannedDoneSeconds;
        double waitSeconds;
        double waitedOrWorkedSeconds;
        final List<Double> utilization = new ArrayList<>();

        void tasks(boolean planned) {
            if (planned) {
                plannedTasks++;
            } else {
                addedTasks++;
            }
        }

        void attempt(Attempt attempt, boolean plannedTask) {
            if (attempt.outcome() == AttemptOutcome.RUNNING) {
                return;
            }
            attempts++;
            if (attempt.outcome() == AttemptOutcome.FAILED || attempt.outcome() == AttemptOutcome.EXPIRED) {
                failed++;
            }
            allSeconds += attempt.durationSeconds();
            if (plannedTask && attempt.outcome() == AttemptOutcome.COMPLETED) {
                plannedDoneSeconds += attempt.durationSeconds();
            }
            attempt.waitSeconds().ifPresent(wait -> {
                waitSeconds += wait;
                waitedOrWorkedSeconds += wait + attempt.durationSeconds();
            });
        }

        PoolHistory.PoolRecord record(String pool) {
            double overhead = plannedDoneSeconds > 0
                    ? Math.clamp(allSeconds / plannedDoneSeconds, 1, PoolHistory.MAX_OVERHEAD) : 1;
            return new PoolHistory.PoolRecord(pool, workflows, attempts, attempts == 0 ? 0 : (double) failed / attempts,
                    waitedOrWorkedSeconds > 0 ? waitSeconds / waitedOrWorkedSeconds : 0,
                    utilization.stream().mapToDouble(Double::doubleValue).average().orElse(0), plannedTasks,
                    addedTasks, overhead);
        }
    }
}
