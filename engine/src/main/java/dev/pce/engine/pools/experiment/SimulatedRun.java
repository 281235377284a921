package dev.pce.engine.pools.experiment;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventPayload;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Schedule;
import dev.pce.engine.schedule.ScheduledTask;
import dev.pce.engine.schedule.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan run in a {@link PoolWorld} with given agents per pool: list scheduling by the planner's estimates, each
 * task taking its hidden time (a failed first attempt costs half its time more, on the same agent). The same seed
 * gives the same hidden times whatever the pool sizes, so arms differ only by their agents. Records the run as the
 * events a real workflow would log, for {@link dev.pce.engine.pools.PoolHistoryReader}.
 *
 * @param makespan minutes from the first claim to the last completion
 * @param events   the run's log, as a real workflow's
 */
record SimulatedRun(double makespan, List<Event> events) {
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    /** An attempt that fails does half its work first. */
    private static final double FAILED_SHARE = 0.5;

    static SimulatedRun run(String workflowId, List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots,
                            PoolWorld world, long seed) {
        Map<String, Boolean> fails = new HashMap<>();
        tasks.forEach(task -> fails.put(task.id(), world.firstAttemptFails(task, seed)));
        Schedule run = Simulation.run(tasks, edges, slots, task -> world.attemptMinutes(task, seed)
                * (fails.get(task.id()) ? 1 + FAILED_SHARE : 1)).simulated();
        List<Timed> timed = new ArrayList<>();
        for (ScheduledTask task : run.tasks()) {
            String agent = task.pool() + "-" + task.slot();
            Instant lease = START.plus(Duration.ofDays(30));
            timed.add(new Timed(task.start(), 2, new TaskClaimed(task.id(), task.id() + "#1", agent, task.pool(), lease)));
            String claim = task.id() + "#1";
            if (fails.get(task.id())) {
                double failedAt = task.start() + (task.finish() - task.start()) * FAILED_SHARE / (1 + FAILED_SHARE);
                timed.add(new Timed(failedAt, 0, new TaskFailed(task.id(), claim, "tests failed", true, true)));
                claim = task.id() + "#2";
                timed.add(new Timed(failedAt, 2, new TaskClaimed(task.id(), claim, agent, task.pool(), lease)));
            }
            timed.add(new Timed(task.finish(), 1, new TaskCompleted(task.id(), claim, "done", List.of(), null, false)));
        }
        timed.sort(Comparator.comparingDouble(Timed::minute).thenComparingInt(Timed::order));
        List<Event> events = new ArrayList<>();
        events.add(event(workflowId, 1, 0, new WorkflowPlanned("simulated work " + workflowId, tasks, edges)));
        for (Timed item : timed) {
            events.add(event(workflowId, events.size() + 1, item.minute(), item.payload()));
        }
        return new SimulatedRun(run.makespan(), events);
    }

    /** An event at a minute of the run; at the same minute failures, then completions, then claims. */
    private record Timed(double minute, int order, EventPayload payload) {
    }

    private static Event event(String workflowId, long seq, double minute, EventPayload payload) {
        return new Event(workflowId + "-" + seq, seq, START.plus(Duration.ofMillis(Math.round(minute * 60_000))),
                "simulation", payload);
    }
}
