package dev.pce.engine.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Serial schedule generation with insertion: tasks are placed one at a time, highest priority first among those
 * whose prerequisites are placed, each at the earliest time its prerequisites, a slot of its pool and its resource
 * partners allow, even in a gap before tasks placed earlier. Unlike {@link ListScheduler}, which starts whatever is
 * ready whenever a slot is free, this can leave a slot idle for a task that becomes ready later (a critical task
 * waiting for a soft prerequisite's partial output, or for a file a short task would hold), so its schedules include
 * the ones that keep such slots free.
 *
 * <p>The rules are {@link ListScheduler}'s: a soft dependent starts once its prerequisite has done
 * {@link TaskGraph#SOFT_START_FRACTION} of its work and holds its slot until the prerequisite finishes; partners never
 * overlap; running tasks keep their start and slot. Each placement scans the gaps of its pool and partners, so the
 * cost grows with the square of the plan; {@link ScheduleSearch} runs it on bounded plans only.
 */
final class SerialScheduler {
    private final TaskGraph graph;
    private final double[] durations;
    private final int n;
    private final int[] poolOf;
    private final List<String> poolNames;
    private final int[] capacity;
    private final List<List<TreeMap<Double, Double>>> busy = new ArrayList<>();
    private final byte[] state;
    private final boolean[] wasRunning;
    private final boolean[] placed;
    private final int[] slot;
    private final double[] start;
    private final double[] finish;
    private final int[] order;
    private int placedCount;

    private SerialScheduler(TaskGraph graph, PoolSlots slots, double[] durations) {
        this.graph = graph;
        this.durations = durations;
        this.n = graph.size();
        PoolIndex pools = PoolIndex.of(graph, slots);
        this.poolNames = pools.names();
        this.poolOf = pools.poolOf();
        this.capacity = pools.capacity();
        for (int p = 0; p < capacity.length; p++) {
            List<TreeMap<Double, Double>> timelines = new ArrayList<>();
            for (int s = 0; s < capacity[p]; s++) {
                timelines.add(new TreeMap<>());
            }
            busy.add(timelines);
        }
        state = new byte[n];
        wasRunning = new boolean[n];
        placed = new boolean[n];
        slot = new int[n];
        start = new double[n];
        finish = new double[n];
        order = new int[n];
    }

    /**
     * Schedules the remaining work of {@code progress} from {@code now}; {@code priority} ranks the tasks (higher
     * first, plan order among equals).
     */
    static Schedule run(TaskGraph graph, double[] priority, PoolSlots slots, Progress progress, double now,
                        double[] durations) {
        SerialScheduler scheduler = new SerialScheduler(graph, slots, durations);
        List<String> blocked = scheduler.load(progress, now);
        scheduler.placeAll(priority, now);
        return new ScheduleSummary(graph, durations, now, scheduler.poolNames, scheduler.poolOf, scheduler.capacity,
                Arrays.copyOf(scheduler.order, scheduler.placedCount), scheduler.wasRunning, scheduler.slot,
                scheduler.start, scheduler.finish).toSchedule(blocked);
    }

    private List<String> load(Progress progress, double now) {
        for (int i = 0; i < n; i++) {
            state[i] = progress.state(i);
            if (state[i] == Progress.DONE) {
                start[i] = progress.start(i);
                finish[i] = progress.finish(i);
            }
        }
        List<String> blocked = new ArrayList<>();
        boolean[] failed = Failures.blocked(graph, state);
        for (int i = 0; i < n; i++) {
            if (failed[i]) {
                state[i] = Progress.FAILED;
                blocked.add(graph.id(i));
            }
        }
        List<Integer> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (state[i] == Progress.RUNNING) {
                running.add(i);
            }
        }
        running.sort(Comparator.<Integer>comparingDouble(progress::start).thenComparing(Integer::intValue));
        int[] taken = new int[capacity.length];
        for (int task : running) {
            double at = progress.start(task);
            wasRunning[task] = true;
            slot[task] = taken[poolOf[task]]++;
            place(task, at, end(task, at, now));
        }
        return blocked;
    }

    /**
     * When a task started at {@code at} finishes: its duration, or past that its next overrun step
     * ({@link ExpectedFinish}, as the list scheduler expects it), and not before a soft prerequisite.
     */
    private double end(int task, double at, double now) {
        double end = ExpectedFinish.of(at, durations[task], now);
        Ints soft = graph.softPredecessors(task);
        for (int i = 0; i < soft.size(); i++) {
            int prerequisite = soft.get(i);
            if (placed[prerequisite] || state[prerequisite] == Progress.DONE) {
                end = Math.max(end, finish[prerequisite]);
            }
        }
        return end;
    }

    private void placeAll(double[] priority, double now) {
        PriorityQueue<Integer> eligible = new PriorityQueue<>((a, b) -> {
            int byPriority = Double.compare(priority[b], priority[a]);
            return byPriority != 0 ? byPriority : Integer.compare(a, b);
        });
        int[] missing = new int[n];
        for (int i = 0; i < n; i++) {
            if (state[i] == Progress.PENDING) {
                missing[i] = unplaced(graph.hardPredecessors(i)) + unplaced(graph.softPredecessors(i));
                if (missing[i] == 0) {
                    eligible.add(i);
                }
            }
        }
        while (!eligible.isEmpty()) {
            int task = eligible.poll();
            placeEarliest(task, now);
            for (Ints successors : new Ints[] {graph.hardSuccessors(task), graph.softSuccessors(task)}) {
                for (int i = 0; i < successors.size(); i++) {
                    int next = successors.get(i);
                    if (state[next] == Progress.PENDING && --missing[next] == 0) {
                        eligible.add(next);
                    }
                }
            }
        }
    }

    private int unplaced(Ints predecessors) {
        int count = 0;
        for (int i = 0; i < predecessors.size(); i++) {
            int before = predecessors.get(i);
            if (state[before] != Progress.DONE && !placed[before]) {
                count++;
            }
        }
        return count;
    }

    private void placeEarliest(int task, double now) {
        double ready = now;
        Ints hard = graph.hardPredecessors(task);
        for (int i = 0; i < hard.size(); i++) {
            ready = Math.max(ready, finish[hard.get(i)]);
        }
        Ints soft = graph.softPredecessors(task);
        for (int i = 0; i < soft.size(); i++) {
            int before = soft.get(i);
            if (placed[before]) {
                ready = Math.max(ready, start[before] + TaskGraph.SOFT_START_FRACTION * durations[before]);
            }
        }
        double earliest = ready;
        while (true) {
            List<TreeMap<Double, Double>> timelines = busy.get(poolOf[task]);
            int chosen = -1;
            double at = Double.POSITIVE_INFINITY;
            double previousEnd = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < timelines.size(); s++) {
                double candidate = earliestIn(timelines.get(s), task, earliest, now);
                Map.Entry<Double, Double> before = timelines.get(s).floorEntry(candidate);
                double previous = before == null ? Double.NEGATIVE_INFINITY : before.getValue();
                // earliest first; among equals the slot whose last task ends closest before (best fit)
                if (candidate < at || (candidate == at && previous > previousEnd)) {
                    chosen = s;
                    at = candidate;
                    previousEnd = previous;
                }
            }
            double end = end(task, at, now);
            double partnerFree = partnerBusyUntil(task, at, end);
            if (partnerFree < 0) {
                slot[task] = chosen;
                place(task, at, end);
                return;
            }
            earliest = partnerFree; // a partner writes the same file then: try again once it has finished
        }
    }

    /** The earliest start from {@code from} at which the task fits into the gaps of one slot's timeline. */
    private double earliestIn(TreeMap<Double, Double> timeline, int task, double from, double now) {
        double at = from;
        Map.Entry<Double, Double> before = timeline.floorEntry(at);
        if (before != null && before.getValue() > at) {
            at = before.getValue();
        }
        while (true) {
            Map.Entry<Double, Double> next = timeline.ceilingEntry(at);
            if (next == null || next.getKey() >= end(task, at, now) && next.getKey() > at) {
                return at;
            }
            at = next.getValue();
        }
    }

    /** When the partners that overlap {@code [at, end)} have finished, or -1 if none overlaps. */
    private double partnerBusyUntil(int task, double at, double end) {
        double until = -1;
        Ints partners = graph.partners(task);
        for (int i = 0; i < partners.size(); i++) {
            int partner = partners.get(i);
            if (placed[partner] && start[partner] < end && at < finish[partner]
                    && finish[partner] > start[partner]) {
                until = Math.max(until, finish[partner]);
            }
        }
        return until;
    }

    private void place(int task, double at, double end) {
        start[task] = at;
        finish[task] = end;
        placed[task] = true;
        order[placedCount++] = task;
        List<TreeMap<Double, Double>> timelines = busy.get(poolOf[task]);
        if (end > at && slot[task] < timelines.size()) { // over-claimed running tasks have no timeline of their own
            timelines.get(slot[task]).put(at, end);
        }
    }
}
