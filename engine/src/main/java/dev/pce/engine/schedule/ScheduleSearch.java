package dev.pce.engine.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The schedule of the remaining work, best of several candidates; the shortest makespan wins and on a tie the
 * earlier candidate, so list scheduling by bottom level, always the first, is what a plan gets unless another
 * candidate is strictly shorter: no plan is scheduled worse than by list scheduling alone.
 *
 * <p>A fresh plan ({@link #plan}) of at most {@link #SERIAL_LIMIT} tasks also gets list scheduling by plan order and
 * by longest task first, and {@link SerialScheduler} by the rules of {@link PriorityRules}, which can hold a slot or
 * a file free for a task that needs it soon. Rescheduling as work progresses ({@link #remaining}) is done at every
 * status, so it tries only list scheduling, serial schedules by the bottom level and by the fresh plan's start
 * times, and following the fresh plan ({@link ListScheduler#follow}); the latter two keep a plan found by the
 * search, and the serial ones run only while at most {@link #LIVE_SERIAL_LIMIT} tasks remain. Larger plans get list
 * scheduling alone: the serial candidates cost the square of the plan.
 */
final class ScheduleSearch {
    /** Tasks up to which a fresh plan gets the serial candidates. */
    static final int SERIAL_LIMIT = 1_000;
    /** Remaining tasks up to which a reschedule gets the serial candidates. */
    static final int LIVE_SERIAL_LIMIT = 200;
    private static final double EPSILON = 1e-9;

    private ScheduleSearch() {
    }

    /** The best schedule of a fresh plan from time 0. */
    static Schedule plan(TaskGraph graph, Priorities priorities, PoolSlots slots, double[] durations) {
        Progress fresh = new Progress();
        fresh.ensureSize(graph.size());
        Schedule best = ListScheduler.run(graph, priorities, slots, fresh, 0, durations);
        int n = graph.size();
        if (n > SERIAL_LIMIT) {
            return best;
        }
        double[] byPlan = new double[n];
        double[] byLength = new double[n];
        for (int i = 0; i < n; i++) {
            byPlan[i] = i;
            byLength[i] = -durations[i];
        }
        List<Schedule> candidates = new ArrayList<>();
        candidates.add(ListScheduler.byRank(graph, priorities, byPlan, slots, durations));
        candidates.add(ListScheduler.byRank(graph, priorities, byLength, slots, durations));
        for (double[] rule : PriorityRules.of(graph, priorities, durations, n)) {
            candidates.add(SerialScheduler.run(graph, rule, slots, fresh, 0, durations));
        }
        return shortest(best, candidates);
    }

    /**
     * The best schedule of the remaining work from {@code now}.
     *
     * @param planned the fresh plan's best schedule, or null for a plan above {@link #SERIAL_LIMIT}
     */
    static Schedule remaining(TaskGraph graph, Priorities priorities, PoolSlots slots, Progress progress, double now,
                              double[] durations, Schedule planned) {
        Schedule best = ListScheduler.run(graph, priorities, slots, progress, now, durations);
        if (planned == null || remainingTasks(graph, progress) > LIVE_SERIAL_LIMIT) {
            return best;
        }
        double[] rank = startsOf(graph, planned);
        double[] earlierFirst = new double[rank.length];
        for (int i = 0; i < rank.length; i++) {
            earlierFirst[i] = -rank[i];
        }
        double[] levels = PriorityRules.levels(graph, priorities);
        return shortest(best, List.of(
                SerialScheduler.run(graph, levels, slots, progress, now, durations),
                SerialScheduler.run(graph, earlierFirst, slots, progress, now, durations),
                ListScheduler.follow(graph, priorities, rank, slots, progress, now, durations)));
    }

    /**
     * Whether {@link #remaining} (or the fresh plan) may choose a candidate that keeps a slot or a file free for a
     * task not ready yet: a plan of at most {@link #SERIAL_LIMIT} tasks, untouched or with at most
     * {@link #LIVE_SERIAL_LIMIT} remaining. Otherwise the schedule is list scheduling alone, which starts a ready
     * task whenever its pool has a free slot.
     */
    static boolean mayHold(TaskGraph graph, Progress progress) {
        return graph.size() <= SERIAL_LIMIT
                && (progress.untouched(graph.size()) || remainingTasks(graph, progress) <= LIVE_SERIAL_LIMIT);
    }

    /** Each task's start in {@code schedule}, by index; tasks it does not hold (done, blocked) last. */
    static double[] startsOf(TaskGraph graph, Schedule schedule) {
        double[] starts = new double[graph.size()];
        Arrays.fill(starts, Double.POSITIVE_INFINITY);
        for (ScheduledTask task : schedule.tasks()) {
            starts[graph.indexOf(task.id())] = task.start();
        }
        return starts;
    }

    private static Schedule shortest(Schedule first, List<Schedule> others) {
        Schedule best = first;
        for (Schedule candidate : others) {
            if (candidate.makespan() < best.makespan() - EPSILON) {
                best = candidate;
            }
        }
        return best;
    }

    private static int remainingTasks(TaskGraph graph, Progress progress) {
        int count = 0;
        for (int i = 0; i < graph.size(); i++) {
            if (progress.state(i) == Progress.PENDING) {
                count++;
            }
        }
        return count;
    }
}
