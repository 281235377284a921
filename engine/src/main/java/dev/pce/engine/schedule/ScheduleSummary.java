package dev.pce.engine.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the start and finish times of a list-scheduling run into a {@link Schedule}: the ETA, the sequential time,
 * the critical path and the lower bound, waves and utilization. Works on the scheduled tasks in start order, which
 * is a topological order of them.
 */
final class ScheduleSummary {
    private final TaskGraph graph;
    private final double[] durations;
    private final double now;
    private final List<String> poolNames;
    private final int[] poolOf;
    private final int[] capacity;
    private final int[] order;
    private final boolean[] scheduled;
    private final boolean[] wasRunning;
    private final int[] slot;
    private final double[] start;
    private final double[] finish;

    ScheduleSummary(TaskGraph graph, double[] durations, double now, List<String> poolNames, int[] poolOf,
                    int[] capacity, int[] order, boolean[] wasRunning, int[] slot, double[] start, double[] finish) {
        this.graph = graph;
        this.durations = durations;
        this.now = now;
        this.poolNames = poolNames;
        this.poolOf = poolOf;
        this.order = order;
        this.wasRunning = wasRunning;
        this.slot = slot;
        this.start = start;
        this.finish = finish;
        this.scheduled = new boolean[graph.size()];
        for (int task : order) {
            scheduled[task] = true;
        }
        // a pool running more tasks than its slots (over-claimed) really has that many agents
        this.capacity = capacity.clone();
        int[] runningAtStart = new int[capacity.length];
        for (int task : order) {
            if (wasRunning[task]) {
                runningAtStart[poolOf[task]]++;
            }
        }
        for (int p = 0; p < capacity.length; p++) {
            this.capacity[p] = Math.max(capacity[p], runningAtStart[p]);
        }
    }

    Schedule toSchedule(List<String> blocked) {
        double makespan = now;
        double sequential = 0;
        double[] work = new double[poolNames.size()];
        double[] busy = new double[poolNames.size()];
        for (int task : order) {
            makespan = Math.max(makespan, finish[task]);
            double remaining = remainingWork(task);
            sequential += remaining;
            work[poolOf[task]] += remaining;
            busy[poolOf[task]] += finish[task] - Math.max(start[task], now);
        }
        double span = makespan - now;
        double workBound = 0;
        Map<String, Double> utilization = new LinkedHashMap<>();
        for (int p = 0; p < poolNames.size(); p++) {
            workBound = Math.max(workBound, work[p] / capacity[p]);
            utilization.put(poolNames.get(p), span > 0 ? busy[p] / (capacity[p] * span) : 0.0);
        }
        CriticalPath critical = criticalPath();
        double[] remaining = new double[graph.size()];
        for (int task : order) {
            remaining[task] = remainingWork(task);
        }
        double exclusionBound = ExclusionBound.of(graph, order, remaining, critical.earliestStart(), tails());
        return new Schedule(now, makespan, sequential, span > 0 ? sequential / span : 1.0, critical.length(),
                critical.ids(), workBound, exclusionBound,
                Math.max(Math.max(critical.length(), workBound), exclusionBound), utilization, tasks(), waves(),
                blocked);
    }

    /**
     * For each remaining task, a lower bound on the time from its finish to the end of the plan: a hard dependent
     * starts after it and runs its whole chain, a soft dependent finishes no earlier than it and has its own tail.
     */
    private double[] tails() {
        int n = graph.size();
        double[] tail = new double[n];
        double[] level = new double[n]; // from the task's start to the end
        for (int k = order.length - 1; k >= 0; k--) {
            int task = order[k];
            double after = 0;
            double fromStart = 0;
            Ints hard = graph.hardSuccessors(task);
            for (int i = 0; i < hard.size(); i++) {
                if (scheduled[hard.get(i)]) {
                    after = Math.max(after, level[hard.get(i)]);
                }
            }
            Ints soft = graph.softSuccessors(task);
            for (int i = 0; i < soft.size(); i++) {
                int next = soft.get(i);
                if (scheduled[next]) {
                    after = Math.max(after, tail[next]);
                    fromStart = Math.max(fromStart, TaskGraph.SOFT_START_FRACTION * durations[task] + level[next]);
                }
            }
            tail[task] = after;
            level[task] = Math.max(durations[task] + after, fromStart);
        }
        return tail;
    }

    /** Work left on a task from now, as one agent doing only it would see it. */
    private double remainingWork(int task) {
        return wasRunning[task] ? Math.max(0, start[task] + durations[task] - now) : durations[task];
    }

    private record CriticalPath(double length, List<String> ids, double[] earliestStart) {
    }

    /**
     * Earliest start and finish with unlimited agents, relative to now, under the same rules the scheduler follows
     * (so no schedule beats them); the chain that decides the latest finish is the critical path.
     */
    private CriticalPath criticalPath() {
        int n = graph.size();
        double[] earliestStart = new double[n];
        double[] earliestFinish = new double[n];
        int[] via = new int[n];
        int last = -1;
        for (int task : order) {
            via[task] = -1;
            if (wasRunning[task]) {
                earliestStart[task] = start[task] - now;
                earliestFinish[task] = finish[task] - now;
            } else {
                // the binding predecessor is the latest one, even at time 0, so zero-cost tasks stay on the path
                double begin = Double.NEGATIVE_INFINITY;
                Ints hard = graph.hardPredecessors(task);
                for (int i = 0; i < hard.size(); i++) {
                    int before = hard.get(i);
                    if (scheduled[before] && earliestFinish[before] > begin) {
                        begin = earliestFinish[before];
                        via[task] = before;
                    }
                }
                Ints soft = graph.softPredecessors(task);
                for (int i = 0; i < soft.size(); i++) {
                    int before = soft.get(i);
                    double partial = earliestStart[before] + TaskGraph.SOFT_START_FRACTION * durations[before];
                    if (scheduled[before] && partial > begin) {
                        begin = partial;
                        via[task] = before;
                    }
                }
                if (begin < 0) { // no predecessor, or only ones whose partial output was ready before now
                    begin = 0;
                    via[task] = -1;
                }
                double end = begin + durations[task];
                for (int i = 0; i < soft.size(); i++) {
                    int before = soft.get(i);
                    if (scheduled[before] && earliestFinish[before] > end) {
                        end = earliestFinish[before];
                        via[task] = before;
                    }
                }
                earliestStart[task] = begin;
                earliestFinish[task] = end;
            }
            if (last < 0 || earliestFinish[task] >= earliestFinish[last]) { // ties: the later task, ending the chain
                last = task;
            }
        }
        List<String> path = new ArrayList<>();
        for (int task = last; task >= 0; task = via[task]) {
            path.add(graph.id(task));
        }
        Collections.reverse(path);
        return new CriticalPath(last < 0 ? 0 : Math.max(0, earliestFinish[last]), path, earliestStart);
    }

    private List<ScheduledTask> tasks() {
        List<ScheduledTask> tasks = new ArrayList<>(order.length);
        for (int task = 0; task < graph.size(); task++) {
            if (scheduled[task]) {
                tasks.add(new ScheduledTask(graph.id(task), graph.pool(task), slot[task], start[task], finish[task],
                        wasRunning[task]));
            }
        }
        return tasks;
    }

    private List<List<String>> waves() {
        int[] depth = new int[graph.size()];
        int deepest = -1;
        for (int task : order) {
            depth[task] = Math.max(deepestBefore(graph.hardPredecessors(task), depth),
                    deepestBefore(graph.softPredecessors(task), depth)) + 1;
            deepest = Math.max(deepest, depth[task]);
        }
        List<List<String>> waves = new ArrayList<>();
        for (int d = 0; d <= deepest; d++) {
            waves.add(new ArrayList<>());
        }
        for (int task = 0; task < graph.size(); task++) {
            if (scheduled[task]) {
                waves.get(depth[task]).add(graph.id(task));
            }
        }
        return waves;
    }

    private int deepestBefore(Ints predecessors, int[] depth) {
        int deepest = -1;
        for (int i = 0; i < predecessors.size(); i++) {
            if (scheduled[predecessors.get(i)]) {
                deepest = Math.max(deepest, depth[predecessors.get(i)]);
            }
        }
        return deepest;
    }
}
