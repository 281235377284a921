package dev.pce.engine.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The schedule of the remaining work from {@code now}: every task not yet done, with its pool, slot and expected
 * start and finish. Times are minutes since the plan started; durations are minutes.
 *
 * @param now                the time the schedule starts from (0 for a fresh plan)
 * @param makespan           the expected time the last task finishes (the ETA); {@code now} if nothing remains
 * @param sequentialTime     the remaining work run one task after another: the sum of the remaining durations
 * @param speedup            {@code sequentialTime / (makespan - now)}; 1 when nothing remains
 * @param criticalPathLength the longest chain of hard and soft edges by duration, from {@code now}, with unlimited
 *                           agents (soft edges as {@link TaskGraph#SOFT_START_FRACTION} describes)
 * @param criticalPath       the ids along that chain, first to last
 * @param workPerSlot        the busiest pool's remaining work divided by its slots
 * @param exclusionBound     the bound from file exclusion: writers of one file that can never overlap, their work
 *                           one after another between the earliest start and the shortest tail among them
 *                           ({@link ExclusionBound}); 0 when no file has two remaining writers
 * @param lowerBound         no schedule can finish the remaining work sooner than this, from {@code now}:
 *                           {@code max(criticalPathLength, workPerSlot, exclusionBound)}
 * @param utilization        per pool, the share of its slot time that is busy between {@code now} and the ETA
 * @param tasks              the remaining tasks (running, then planned) in plan order
 * @param waves              the remaining tasks by depth: wave 0 waits for no remaining task, wave k for one in wave
 *                           k-1 at the deepest; within a wave in plan order
 * @param blocked            tasks that can never run because a task they wait for failed for good, in plan order
 */
public record Schedule(double now, double makespan, double sequentialTime, double speedup,
                       double criticalPathLength, List<String> criticalPath, double workPerSlot, double exclusionBound,
                       double lowerBound,
                       Map<String, Double> utilization, List<ScheduledTask> tasks, List<List<String>> waves,
                       List<String> blocked) {

    public Schedule {
        criticalPath = List.copyOf(criticalPath);
        utilization = Map.copyOf(utilization);
        tasks = List.copyOf(tasks);
        waves = waves.stream().map(List::copyOf).toList();
        blocked = List.copyOf(blocked);
    }

    /** Expected time until everything is done: {@code makespan - now}. */
    public double span() {
        return makespan - now;
    }

    /** The share of time saved against running the remaining work sequentially (0.65 = 65% less time). */
    public double timeReduction() {
        return sequentialTime == 0 ? 0 : 1 - span() / sequentialTime;
    }

    /** How far this schedule is from the lower bound: {@code span / lowerBound}, 1 is optimal. */
    public double boundRatio() {
        return lowerBound == 0 ? 1 : span() / lowerBound;
    }

    /**
     * When the clock alone changes this schedule: the earliest expected finish of a task that was running when it was
     * made (the end of its estimate, or its next overrun step, see {@link ExpectedFinish}); until then it holds as
     * made. Empty when no task was running. Minutes since the plan started.
     */
    public OptionalDouble nextChange() {
        return tasks.stream().filter(ScheduledTask::running).mapToDouble(ScheduledTask::finish).min();
    }

    public Optional<ScheduledTask> task(String id) {
        return tasks.stream().filter(task -> task.id().equals(id)).findFirst();
    }
}
