package dev.pce.engine.schedule;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.List;

/**
 * One fresh plan scheduled under many pool sizes: the task graph and its priorities are built once, each trial
 * runs only the list scheduling. For a search over pool sizes, where building the graph again for every candidate
 * would cost more than scheduling it.
 */
public final class SlotTrials {
    private final Scheduler scheduler;
    private final double[] durations;

    /**
     * @throws dev.pce.engine.CeException {@code INVALID_PLAN} as {@link Scheduler} does, e.g. naming a cycle
     */
    public SlotTrials(List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        this.scheduler = new Scheduler(tasks, edges, PoolSlots.defaults());
        TaskGraph graph = scheduler.graph();
        this.durations = new double[graph.size()];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = graph.estimate(i);
        }
    }

    /** The plan's schedule by its estimates with {@code slots} agents per pool. */
    public Schedule schedule(PoolSlots slots) {
        return scheduler.scheduleWith(slots, durations);
    }
}
