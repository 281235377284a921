package dev.pce.engine.metrics;

import dev.pce.engine.Elapsed;
import dev.pce.engine.event.Event;
import dev.pce.engine.learning.LearningReport;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.service.StatusReport;
import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a replayed workflow into its {@link WorkflowMetrics}. */
final class WorkflowMeasurer {

    private WorkflowMeasurer() {
    }

    static WorkflowMetrics measure(String workflowId, List<Event> events, Instant asOf) {
        Timeline timeline = TimelineReader.read(workflowId, events, asOf);
        WorkflowState state = timeline.state();
        List<Attempt> attempts = timeline.attempts();
        Optional<Instant> start = attempts.stream().map(Attempt::start).min(Comparator.naturalOrder());
        Optional<Instant> end = attempts.stream().map(Attempt::end).max(Comparator.naturalOrder());
        double makespan = start.isPresent() ? Elapsed.seconds(start.get(), end.orElseThrow()) : 0;
        double sequential = attempts.stream().filter(attempt -> attempt.outcome() == AttemptOutcome.COMPLETED)
                .mapToDouble(Attempt::durationSeconds).sum();

        Map<String, TaskStatus> statuses = state.statuses(timeline.asOf());
        Map<String, List<Attempt>> attemptsByTask = new HashMap<>();
        attempts.forEach(attempt -> attemptsByTask.computeIfAbsent(attempt.taskId(), id -> new ArrayList<>())
                .add(attempt));
        List<TaskMetrics> tasks = new ArrayList<>(state.taskCount());
        for (TaskState task : state.tasks()) {
            tasks.add(new TaskMetrics(task.id(), task.spec().title(), task.spec().kind(), task.spec().pool(),
                    statuses.get(task.id()), attemptsByTask.getOrDefault(task.id(), List.of())));
        }
        Optional<WorkflowPhase> phase = state.planned()
                ? Optional.of(StatusReport.of(state, timeline.asOf()).phase()) : Optional.empty();
        return new WorkflowMetrics(workflowId, state.goal(), state.planned() ? Optional.of(state.createdAt())
                : Optional.empty(), phase, timeline.asOf(), start, end, makespan, sequential,
                AttemptCounts.of(attempts), rework(workflowId, events, tasks), pools(tasks, makespan), tasks,
                timeline.gates(), GateHold.of(timeline.gates(), timeline.asOf()));
    }

    /** Every pool that has a task, by name; an attempt counts for the pool its agent claimed from. */
    private static List<PoolMetrics> pools(List<TaskMetrics> tasks, double makespan) {
        Map<String, int[]> taskCounts = new TreeMap<>();
        Map<String, List<Attempt>> attempts = new TreeMap<>();
        for (TaskMetrics task : tasks) {
            taskCounts.computeIfAbsent(task.pool(), pool -> new int[1])[0]++;
            attempts.computeIfAbsent(task.pool(), pool -> new ArrayList<>());
            for (Attempt attempt : task.attempts()) {
                taskCounts.computeIfAbsent(attempt.pool(), pool -> new int[1]);
                attempts.computeIfAbsent(attempt.pool(), pool -> new ArrayList<>()).add(attempt);
            }
        }
        List<PoolMetrics> pools = new ArrayList<>();
        attempts.forEach((pool, ofPool) -> pools.add(PoolMetrics.of(pool, taskCounts.get(pool)[0], ofPool, makespan)));
        return pools;
    }

    /** The rework learning sees (one definition for both), and the claims after each task's first. */
    private static Rework rework(String workflowId, List<Event> events, List<TaskMetrics> tasks) {
        List<LearningReport.ReworkLoop> loops = WorkflowLearning.report(workflowId, events).rework();
        int review = (int) loops.stream().filter(loop -> loop.trigger() == LearningReport.ReworkTrigger.REVIEW).count();
        int retries = tasks.stream().mapToInt(task -> Math.max(0, task.attempts().size() - 1)).sum();
        return new Rework(review, loops.size() - review, retries);
    }
}
