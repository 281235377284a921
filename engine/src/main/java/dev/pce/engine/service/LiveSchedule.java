package dev.pce.engine.service;

import dev.pce.engine.CeException;
import dev.pce.engine.Elapsed;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Schedule;
import dev.pce.engine.schedule.ScheduleView;
import dev.pce.engine.schedule.ScheduledTask;
import dev.pce.engine.schedule.Scheduler;
import dev.pce.engine.workflow.ClaimPlan;
import dev.pce.engine.workflow.EstimateRevision;
import dev.pce.engine.workflow.WorkflowState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One workflow's schedule, kept current as its events arrive: each claim, completion, failure or expired lease is
 * recorded in the {@link Scheduler}, which updates only what the report changes; the remaining work is scheduled
 * when a status asks for it. Times are minutes since the
 * workflow was planned. Not thread-safe: its {@link WorkflowHandle} serializes access.
 */
final class LiveSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSchedule.class);

    private final PoolSlots slots;
    private Scheduler scheduler;
    private Instant origin = Instant.EPOCH;
    private double lastReport;
    /** Counts the changes applied, so a claim plan made since the last one can be reused at the same moment. */
    private long version;
    private long plannedVersion = -1;
    private Instant plannedAt;
    private Optional<ClaimPlan> claimPlan = Optional.empty();

    LiveSchedule(PoolSlots slots) {
        this.slots = slots;
    }

    /**
     * Starts from the scheduler of a plan just made, instead of building one: {@code state} holds that plan's event
     * alone, and {@code scheduler} was built from its tasks and edges with this schedule's agents per pool, nothing
     * reported to it. The same as {@link #apply} with no events, which would build it again.
     */
    void planned(Scheduler scheduler, WorkflowState state) {
        version++;
        origin = state.createdAt();
        lastReport = 0;
        this.scheduler = scheduler;
    }

    /** Brings the schedule up to {@code state} after {@code events} were folded into it. */
    void apply(List<Event> events, WorkflowState state) {
        version++;
        if (scheduler == null) {
            rebuild(state);
            return;
        }
        if (events.stream().anyMatch(event -> event.payload() instanceof TasksAdded
                || event.payload() instanceof PlanEdited
                || revisesEstimates(event, state))) {
            rebuild(state); // a changed plan (tasks, estimates): the scheduler's graph is the plan's
            return;
        }
        if (events.stream().anyMatch(event -> event.payload() instanceof TaskReopened
                || event.payload() instanceof ClaimRevoked)) {
            // work taken back (a withdrawn draft): done tasks run again, after a failure some are blocked; the
            // scheduler has no report that undoes a finish, so it starts over from the state
            rebuild(state);
            return;
        }
        try {
            for (Event event : events) {
                report(event);
            }
        } catch (CeException e) {
            // an order of reports the scheduler does not expect (e.g. a late report after a re-claim)
            LOG.debug("Rebuilding the schedule of {} after {}", state.workflowId(), e.getMessage());
            rebuild(state);
        }
    }

    /** A reschedule, or a person overruling one: the state changed a task's estimate. */
    private static boolean revisesEstimates(Event event, WorkflowState state) {
        return switch (event.payload()) {
            case ConflictResolved resolved -> EstimateRevision.of(resolved).isPresent();
            case ConflictOverridden overridden -> state.conflicts().resolution(overridden.conflictId())
                    .flatMap(EstimateRevision::of).isPresent();
            default -> false;
        };
    }

    /** The remaining work scheduled from {@code now}, and until when it holds; empty before the plan is known. */
    Optional<Current> at(Instant now) {
        if (scheduler == null) {
            return Optional.empty();
        }
        Schedule schedule = scheduler.schedule(Math.max(lastReport, minutes(now)));
        OptionalDouble change = schedule.nextChange();
        Instant validUntil = change.isPresent() ? instant(change.getAsDouble()) : Instant.MAX;
        return Optional.of(new Current(ScheduleView.of(schedule), validUntil.isAfter(now) ? validUntil : now));
    }

    /**
     * The live schedule as a claim at {@code now} follows it; empty before the plan is known, and where the schedule
     * is list scheduling alone ({@link Scheduler#mayHold}): it then hands out the ready tasks in priority order,
     * which the claim knows without scheduling. The same moment with no change in between reuses the last one (a
     * claim that hands out nothing asks again for its answer).
     */
    Optional<ClaimPlan> claimPlan(Instant now) {
        if (plannedVersion != version || !now.equals(plannedAt)) {
            plannedVersion = version;
            plannedAt = now;
            claimPlan = scheduler == null || !scheduler.mayHold() ? Optional.empty() : Optional.of(claimPlanOf(now));
        }
        return claimPlan;
    }

    private ClaimPlan claimPlanOf(Instant now) {
        Schedule schedule = scheduler.schedule(Math.max(lastReport, minutes(now)));
        Map<String, ScheduledTask> tasks = new HashMap<>(schedule.tasks().size() * 2);
        for (ScheduledTask task : schedule.tasks()) {
            tasks.put(task.id(), task);
        }
        return new ClaimPlan(origin, schedule.now(), tasks, slots);
    }

    /**
     * A schedule as of one moment.
     *
     * @param validUntil when the clock alone changes it: a running task reaches the end of its estimate, or the next
     *                   step of its overrun ({@link dev.pce.engine.schedule.ExpectedFinish}); {@link Instant#MAX}
     *                   when no task runs
     */
    record Current(ScheduleView view, Instant validUntil) {
    }

    private void report(Event event) {
        double at = Math.max(lastReport, minutes(event.time()));
        lastReport = at;
        switch (event.payload()) {
            case TaskClaimed claimed -> scheduler.recordStarted(claimed.taskId(), at);
            case LeaseExpired expired -> scheduler.recordFailed(expired.taskId(), true);
            case TaskCompleted completed -> scheduler.recordFinished(completed.taskId(), at);
            case TaskFailed failed -> scheduler.recordFailed(failed.taskId(), failed.willRetry());
            case WorkflowPlanned ignored -> throw new IllegalStateException("a workflow is planned once");
            default -> {
                // events this version does not schedule by
            }
        }
    }

    /** A new scheduler for the plan, told what has happened so far in time order. */
    private void rebuild(WorkflowState state) {
        if (!state.planned()) {
            return;
        }
        origin = state.createdAt();
        List<TaskState> tasks = state.tasks().stream().toList();
        scheduler = new Scheduler(tasks.stream().map(TaskState::spec).toList(), state.relations().edges(), slots);
        record Report(double at, TaskState task, boolean start) {
        }
        List<Report> reports = new ArrayList<>();
        for (TaskState task : tasks) {
            if (task.phase() == TaskPhase.CLAIMED || task.phase() == TaskPhase.DONE) {
                double started = task.claim().map(claim -> minutes(claim.claimedAt()))
                        .or(() -> task.completion().map(done -> minutes(done.at()))).orElse(0.0);
                reports.add(new Report(started, task, true));
                task.completion().ifPresent(done -> reports.add(new Report(Math.max(started, minutes(done.at())),
                        task, false)));
            } else if (task.phase() == TaskPhase.FAILED) {
                reports.add(new Report(task.lastFailure().map(failure -> minutes(failure.at())).orElse(0.0), task,
                        false));
            }
        }
        reports.sort(Comparator.comparingDouble(Report::at));
        lastReport = 0;
        for (Report report : reports) {
            lastReport = Math.max(lastReport, report.at());
            TaskState task = report.task();
            if (task.phase() == TaskPhase.FAILED) {
                scheduler.recordFailed(task.id(), false);
            } else if (report.start()) {
                scheduler.recordStarted(task.id(), lastReport);
            } else {
                scheduler.recordFinished(task.id(), lastReport);
            }
        }
    }

    private double minutes(Instant time) {
        return Math.max(0, Elapsed.minutes(origin, time));
    }

    /** The moment {@code minutes} after the origin, a millisecond early rather than late (the memo recomputes). */
    private Instant instant(double minutes) {
        double nanos = Math.floor(minutes * 60e9) - 1e6;
        return nanos >= Long.MAX_VALUE / 2.0 ? Instant.MAX : origin.plusNanos((long) Math.max(0, nanos));
    }
}
