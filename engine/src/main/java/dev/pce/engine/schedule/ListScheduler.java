package dev.pce.engine.schedule;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * List scheduling as an event-driven simulation from {@code now}. Whenever slots are free, ready tasks are started
 * in order of bottom level (highest first; ties in plan order), each on the lowest free slot of its own pool; a task
 * whose resource partner is running is skipped until that partner finishes. Time advances to the next finish, or to
 * the next point where a soft prerequisite has done its share of work.
 *
 * <p>Running tasks keep their start; one that is overdue is expected to finish a step after {@code now} ({@link
 * ExpectedFinish}). The durations are
 * the estimates when planning and sampled durations when simulating; priorities are always by estimate (a scheduler
 * cannot know the real durations in advance).
 *
 * <p>It never leaves a slot idle while a task is ready, so it can start a short task in the slot a critical task
 * needs moments later; {@link ScheduleSearch} compares it with {@link SerialScheduler}, which can wait. A simulation
 * then runs the chosen plan here with {@link #follow}, which keeps the plan's order and held slots.
 */
final class ListScheduler {
    private static final byte PENDING = 0;
    private static final byte RUNNING = 1;
    private static final byte DONE = 2;
    private static final byte BLOCKED = 3;
    private static final int FINISH = 0;
    private static final int SOFT_READY = 1;

    private final TaskGraph graph;
    private final Priorities priorities;
    private final double[] rank;
    private final boolean holds;
    private final List<TreeSet<Integer>> unstarted = new ArrayList<>();
    private final double[] durations;
    private final int n;
    private final int[] poolOf;
    private final List<String> poolNames;
    private final int[] capacity;
    private final int[] overflow;
    private final List<PriorityQueue<Integer>> freeSlots = new ArrayList<>();
    private final List<PriorityQueue<Integer>> ready = new ArrayList<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final byte[] state;
    private final boolean[] wasRunning;
    private final boolean[] scheduled;
    private final int[] missing;
    private final int[] slot;
    private final int[] startOrder;
    private final double[] start;
    private final double[] finish;
    private int started;

    private record Event(double time, int kind, int task) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Double.compare(time, other.time);
            if (byTime != 0) {
                return byTime;
            }
            return kind != other.kind ? Integer.compare(kind, other.kind) : Integer.compare(task, other.task);
        }
    }

    private ListScheduler(TaskGraph graph, Priorities priorities, double[] rank, boolean holds, PoolSlots slots,
                          double[] durations) {
        this.graph = graph;
        this.priorities = priorities;
        this.rank = rank;
        this.holds = holds;
        this.durations = durations;
        this.n = graph.size();
        PoolIndex pools = PoolIndex.of(graph, slots);
        this.poolNames = pools.names();
        this.poolOf = pools.poolOf();
        this.capacity = pools.capacity();
        overflow = new int[poolNames.size()];
        Comparator<Integer> byLevel = (a, b) -> {
            int higher = Double.compare(priorities.level(b), priorities.level(a));
            return higher != 0 ? higher : Integer.compare(a, b);
        };
        Comparator<Integer> byPriority = rank == null ? byLevel
                : Comparator.<Integer>comparingDouble(task -> rank[task]).thenComparing(byLevel);
        for (int p = 0; p < poolNames.size(); p++) {
            PriorityQueue<Integer> free = new PriorityQueue<>();
            for (int s = 0; s < capacity[p]; s++) {
                free.add(s);
            }
            freeSlots.add(free);
            ready.add(new PriorityQueue<>(byPriority));
            unstarted.add(new TreeSet<>(byPriority));
        }
        state = new byte[n];
        wasRunning = new boolean[n];
        scheduled = new boolean[n];
        missing = new int[n];
        slot = new int[n];
        startOrder = new int[n];
        start = new double[n];
        finish = new double[n];
    }

    /** Schedules the remaining work of {@code progress} from {@code now}, with {@code durations} by task index. */
    static Schedule run(TaskGraph graph, Priorities priorities, PoolSlots slots, Progress progress, double now,
                        double[] durations) {
        return run(graph, priorities, null, false, slots, progress, now, durations);
    }

    /**
     * As {@link #run(TaskGraph, Priorities, PoolSlots, Progress, double, double[])} following a plan: ready tasks go
     * in the order of {@code rank} (their planned starts), and a task waits while starting it would take a slot or
     * file the plan gives to a task planned before it, that is while its pool has no more free slots than unstarted
     * tasks planned before it, or a resource partner planned before it has not finished. With the plan's own
     * durations this keeps the slots the plan holds free; with other durations it reacts as agents following the
     * plan would.
     */
    static Schedule follow(TaskGraph graph, Priorities priorities, double[] rank, PoolSlots slots, Progress progress,
                           double now, double[] durations) {
        return run(graph, priorities, rank, true, slots, progress, now, durations);
    }

    /** Plain list scheduling with ready tasks in the order of {@code rank} (lowest first): the benchmark's baselines. */
    static Schedule byRank(TaskGraph graph, Priorities priorities, double[] rank, PoolSlots slots, double[] durations) {
        Progress fresh = new Progress();
        fresh.ensureSize(graph.size());
        return run(graph, priorities, rank, false, slots, fresh, 0, durations);
    }

    private static Schedule run(TaskGraph graph, Priorities priorities, double[] rank, boolean holds,
                                PoolSlots slots, Progress progress, double now, double[] durations) {
        ListScheduler scheduler = new ListScheduler(graph, priorities, rank, holds, slots, durations);
        scheduler.load(progress, now);
        scheduler.simulate(now);
        return scheduler.summary(now);
    }

    private Schedule summary(double now) {
        List<String> blocked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (state[i] == BLOCKED) {
                blocked.add(graph.id(i));
            }
        }
        return new ScheduleSummary(graph, durations, now, poolNames, poolOf, capacity, startOrder(), wasRunning,
                slot, start, finish).toSchedule(blocked);
    }

    private void load(Progress progress, double now) {
        List<Integer> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (progress.state(i)) {
                case Progress.DONE -> {
                    state[i] = DONE;
                    start[i] = progress.start(i);
                    finish[i] = progress.finish(i);
                }
                case Progress.RUNNING -> {
                    state[i] = RUNNING;
                    running.add(i);
                }
                case Progress.FAILED -> state[i] = BLOCKED;
                default -> state[i] = PENDING;
            }
        }
        blockDescendantsOfFailures();
        running.sort(Comparator.<Integer>comparingDouble(progress::start).thenComparing(Integer::intValue));
        for (int task : running) {
            wasRunning[task] = true;
            begin(task, progress.start(task), now);
        }
        for (int i = 0; i < n; i++) {
            if (state[i] == PENDING) {
                if (holds) {
                    unstarted.get(poolOf[i]).add(i);
                }
                missing[i] = unfinished(graph.hardPredecessors(i)) + unfinished(graph.softPredecessors(i));
                if (missing[i] == 0) {
                    ready.get(poolOf[i]).add(i);
                }
            }
        }
    }

    private int unfinished(Ints predecessors) {
        int count = 0;
        for (int i = 0; i < predecessors.size(); i++) {
            if (state[predecessors.get(i)] != DONE) {
                count++;
            }
        }
        return count;
    }

    private void blockDescendantsOfFailures() {
        byte[] states = new byte[n];
        for (int i = 0; i < n; i++) {
            states[i] = state[i] == BLOCKED ? Progress.FAILED : state[i] == PENDING ? Progress.PENDING : Progress.DONE;
        }
        boolean[] blocked = Failures.blocked(graph, states);
        for (int i = 0; i < n; i++) {
            if (blocked[i]) {
                state[i] = BLOCKED;
            }
        }
    }

    private void simulate(double now) {
        double time = now;
        while (true) {
            while (!events.isEmpty() && events.peek().time() <= time) {
                handle(events.poll());
            }
            dispatch(time);
            if (events.isEmpty()) {
                break;
            }
            time = events.peek().time();
        }
        for (int i = 0; i < n; i++) {
            if (state[i] == PENDING) {
                throw new CeException(ErrorCode.INTERNAL, "The scheduler left task '" + graph.id(i)
                        + "' unscheduled.", "Report this as a PCE bug with the plan attached.");
            }
        }
    }

    private void handle(Event event) {
        int task = event.task();
        if (event.kind() == FINISH) {
            state[task] = DONE;
            if (slot[task] < capacity[poolOf[task]]) {
                freeSlots.get(poolOf[task]).add(slot[task]);
            }
            release(graph.hardSuccessors(task));
        } else {
            release(graph.softSuccessors(task));
        }
    }

    private void release(Ints successors) {
        for (int i = 0; i < successors.size(); i++) {
            int next = successors.get(i);
            if (state[next] == PENDING && --missing[next] == 0) {
                ready.get(poolOf[next]).add(next);
            }
        }
    }

    /** Starts ready tasks while slots are free, best first across pools. */
    private void dispatch(double time) {
        List<List<Integer>> skipped = null;
        while (true) {
            int best = -1;
            for (int p = 0; p < capacity.length; p++) {
                if (!freeSlots.get(p).isEmpty() && !ready.get(p).isEmpty()
                        && (best < 0 || ready.get(best).comparator().compare(ready.get(p).peek(),
                        ready.get(best).peek()) < 0)) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            int task = ready.get(best).poll();
            if (partnerRunning(task) || (holds && heldForEarlier(task))) {
                if (skipped == null) {
                    skipped = new ArrayList<>();
                }
                skipped.add(List.of(best, task));
                continue;
            }
            begin(task, time, time);
        }
        if (skipped != null) {
            for (List<Integer> entry : skipped) {
                ready.get(entry.get(0)).add(entry.get(1));
            }
        }
    }

    /** Whether the plan gives the slot or a file {@code task} would take to a task planned before it. */
    private boolean heldForEarlier(int task) {
        Ints partners = graph.partners(task);
        for (int i = 0; i < partners.size(); i++) {
            int partner = partners.get(i);
            if (state[partner] != DONE && state[partner] != BLOCKED && rank[partner] < rank[task]) {
                return true;
            }
        }
        int pool = poolOf[task];
        int free = freeSlots.get(pool).size();
        int earlier = 0;
        for (int other : unstarted.get(pool).headSet(task, false)) {
            // only tasks planned strictly earlier: one planned at the same time may be its own dependent
            if (rank[other] < rank[task] && ++earlier >= free) {
                return true;
            }
        }
        return false;
    }

    private boolean partnerRunning(int task) {
        Ints partners = graph.partners(task);
        for (int i = 0; i < partners.size(); i++) {
            if (state[partners.get(i)] == RUNNING) {
                return true;
            }
        }
        return false;
    }

    /** Starts {@code task} at {@code at} (in the past for a task already running); it cannot finish before now. */
    private void begin(int task, double at, double now) {
        int pool = poolOf[task];
        PriorityQueue<Integer> free = freeSlots.get(pool);
        slot[task] = free.isEmpty() ? capacity[pool] + overflow[pool]++ : free.poll();
        state[task] = RUNNING;
        scheduled[task] = true;
        if (holds) {
            unstarted.get(pool).remove(task);
        }
        startOrder[task] = started++;
        start[task] = at;
        double end = ExpectedFinish.of(at, durations[task], now);
        Ints soft = graph.softPredecessors(task);
        for (int i = 0; i < soft.size(); i++) {
            int prerequisite = soft.get(i);
            if (state[prerequisite] == RUNNING || state[prerequisite] == DONE) {
                end = Math.max(end, finish[prerequisite]);
            }
        }
        finish[task] = end;
        events.add(new Event(end, FINISH, task));
        if (graph.softSuccessors(task).size() > 0) {
            events.add(new Event(Math.max(now, at + TaskGraph.SOFT_START_FRACTION * durations[task]), SOFT_READY,
                    task));
        }
    }

    /** Task indexes in the order they started: a topological order of the scheduled tasks. */
    private int[] startOrder() {
        int[] order = new int[started];
        for (int i = 0; i < n; i++) {
            if (scheduled[i]) {
                order[startOrder[i]] = i;
            }
        }
        return order;
    }
}
