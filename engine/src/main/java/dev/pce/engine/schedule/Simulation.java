package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Runs a plan's schedule with simulated durations: the scheduler plans by estimates, reality follows
 * {@link DurationNoise}, and list scheduling reacts to every simulated finish as it would to real reports.
 */
public final class Simulation {

    private Simulation() {
    }

    /**
     * @param planned   the schedule by estimates, as the plan would announce it
     * @param simulated the same plan run with the simulated durations; its sequential time, critical path and lower
     *                  bound are by those durations, so the gap to optimal is measured on what happened
     */
    public record Result(Schedule planned, Schedule simulated) {
    }

    public static Result run(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots, DurationNoise noise) {
        return run(tasks, edges, slots, noise::duration);
    }

    /**
     * As {@link #run(List, List, PoolSlots, DurationNoise)} with durations from anywhere (an experiment's hidden
     * world): the schedule is still planned, and its priorities set, by the tasks' estimates.
     */
    public static Result run(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots,
                             ToDoubleFunction<TaskSpec> duration) {
        Scheduler scheduler = new Scheduler(tasks, edges, slots);
        TaskGraph graph = scheduler.graph();
        double[] durations = new double[graph.size()];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = duration.applyAsDouble(graph.task(i));
        }
        return new Result(scheduler.schedule(0), scheduler.schedule(0, durations));
    }
}
