package dev.pce.engine.workflow;

import dev.pce.engine.Elapsed;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.schedule.ExpectedFinish;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.ScheduledTask;
import dev.pce.engine.schedule.TaskGraph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live schedule as {@code ce_claim} follows it: the remaining work scheduled from now, so the plan adapts to
 * overruns, failures and early finishes. Ready tasks are handed out in the order of their planned starts, and a ready
 * task is kept back while starting it would take the slot or the file the schedule gives a task planned before it
 * that is not ready yet (the schedule search found it faster to leave the slot free, see docs/scheduling.md,
 * "Following the plan"). Such a hold never outlasts the work it waits for: the task kept for must wait only for
 * tasks running under live claims (not for a gate, a person's decision or work nobody has started), must be planned
 * to start before the held task would finish, and later than now unless it waits for a partial output late by less
 * than a step; every claim schedules again from the state of that moment, so a prerequisite that slips moves the
 * planned start and releases the hold.
 *
 * @param origin when the workflow was planned: schedule times are minutes since then
 * @param now    the minute the schedule starts from
 * @param tasks  the remaining tasks by id, running ones included
 * @param slots  agents per pool, as the schedule counts them
 */
public record ClaimPlan(Instant origin, double now, Map<String, ScheduledTask> tasks, PoolSlots slots) {

    public ClaimPlan {
        tasks = Map.copyOf(tasks);
    }

    /** The live schedule at a moment; empty where it never keeps a slot free (list scheduling alone). */
    @FunctionalInterface
    public interface Source {
        /** Dispatch by priority alone. */
        Source NONE = now -> Optional.empty();

        Optional<ClaimPlan> at(Instant now);
    }

    /**
     * A ready task not handed out, and why.
     *
     * @param taskId        the ready task kept back
     * @param keptFor       the task the schedule keeps the slot or file for
     * @param resource      {@code slot} for a slot of the pool, else the file both write
     * @param expectedStart when the schedule expects {@code keptFor} to start (now or later)
     * @param waitingFor    the running tasks {@code keptFor} waits for
     */
    public record Hold(String taskId, String keptFor, String resource, Instant expectedStart,
                       List<String> waitingFor) {
        /** The word for a slot of the pool, as {@link #resource}. */
        public static final String SLOT = "slot";

        public Hold {
            waitingFor = List.copyOf(waitingFor);
        }
    }

    /** Tasks by planned start, unplanned ones last; a stable sort keeps the priority order among equals. */
    Comparator<TaskState> plannedOrder() {
        return Comparator.comparingDouble(task -> plannedStart(task.id()));
    }

    /**
     * Why the ready {@code candidate} waits, if the schedule keeps its file or its pool's free slot for a task planned
     * before it that is not ready yet and would start before the candidate finished: a resource partner, or as many
     * such tasks of the pool as it has free slots (at least one; an agent beyond the pool's slots is never held for
     * a slot).
     */
    Optional<Hold> hold(WorkflowState state, TaskState candidate, Instant at) {
        ScheduledTask planned = tasks.get(candidate.id());
        if (planned == null || planned.running()) {
            return Optional.empty();
        }
        double until = now + candidate.spec().estimateMinutes();
        for (PlanRelations.Partner partner : state.relations().partners(candidate.id())) {
            ScheduledTask other = tasks.get(partner.taskId());
            if (keepsFrom(other, planned, until) && waitsForRunningWork(state, other, at)) {
                return Optional.of(hold(state, candidate, other, partner.resource(), at));
            }
        }
        String pool = candidate.spec().pool();
        int free = slots.slotsOf(pool);
        List<ScheduledTask> keptFor = new ArrayList<>();
        for (ScheduledTask other : tasks.values()) {
            if (!other.pool().equals(pool)) {
                continue;
            }
            if (other.running()) {
                free -= other.id().equals(candidate.id()) ? 0 : 1;
            } else if (keepsFrom(other, planned, until) && waitsForRunningWork(state, other, at)) {
                keptFor.add(other);
            }
        }
        if (keptFor.isEmpty() || free <= 0 || keptFor.size() < free) {
            return Optional.empty(); // with no free slot the agent asking is one the schedule does not count on
        }
        ScheduledTask first = keptFor.stream().min(Comparator.comparingDouble(ScheduledTask::start)
                .thenComparing(ScheduledTask::id)).orElseThrow();
        return Optional.of(hold(state, candidate, first, Hold.SLOT, at));
    }

    private double plannedStart(String id) {
        ScheduledTask task = tasks.get(id);
        return task == null ? Double.POSITIVE_INFINITY : task.start();
    }

    /** Whether the plan starts {@code other} strictly before {@code planned}, and before a start now would end. */
    private static boolean keepsFrom(ScheduledTask other, ScheduledTask planned, double until) {
        return other != null && !other.running() && other.start() < planned.start() && other.start() < until;
    }

    /**
     * Whether the task is not ready only because tasks under live claims have not finished (or published a partial
     * output) yet: what it waits for is running, so the wait ends with their claims.
     */
    private boolean waitsForRunningWork(WorkflowState state, ScheduledTask planned, Instant at) {
        TaskState task = state.task(planned.id()).orElse(null);
        if (task == null || task.phase() != TaskPhase.PENDING || state.isClaimable(task, at)) {
            return false;
        }
        List<String> waits = state.waitingFor(planned.id(), at);
        return !waits.isEmpty() && waits.stream().allMatch(wait -> state.task(wait)
                .filter(other -> other.phase() == TaskPhase.CLAIMED && !other.claim().orElseThrow().expiredAt(at))
                .isPresent())
                && (planned.start() > now || waits.stream().allMatch(wait -> partialOutputDue(state, task, wait)));
    }

    /**
     * For a task the schedule starts now but that is not ready: whether it waits only for a soft prerequisite whose
     * partial output is late by less than a step. The schedule expects a partial output halfway through the
     * prerequisite's estimate; its agent gets a tenth of the estimate more ({@link ExpectedFinish#OVERRUN_STEP})
     * before the hold ends, and the kept task then waits for the prerequisite's finish like any other.
     */
    private boolean partialOutputDue(WorkflowState state, TaskState task, String wait) {
        boolean soft = state.relations().prerequisites(task.id()).stream().anyMatch(prerequisite ->
                prerequisite.taskId().equals(wait) && prerequisite.edgeClass() == EdgeClass.SOFT);
        if (!soft) {
            return false;
        }
        TaskState prerequisite = state.task(wait).orElseThrow();
        double started = Elapsed.minutes(origin, prerequisite.claim().orElseThrow().claimedAt());
        return now < started + (TaskGraph.SOFT_START_FRACTION + ExpectedFinish.OVERRUN_STEP)
                * prerequisite.spec().estimateMinutes();
    }

    private Hold hold(WorkflowState state, TaskState candidate, ScheduledTask keptFor, String resource, Instant at) {
        return new Hold(candidate.id(), keptFor.id(), resource, instant(Math.max(now, keptFor.start())),
                state.waitingFor(keptFor.id(), at));
    }

    private Instant instant(double minutes) {
        return origin.plusNanos(Math.round(minutes * 60e9));
    }
}
