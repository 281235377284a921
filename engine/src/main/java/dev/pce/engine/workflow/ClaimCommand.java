package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.model.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An agent of {@code pool} asks for work: the named task, or else the pool's ready task that the live schedule starts
 * first (critical path first, plan order among equals, where the schedule is list scheduling). A ready task is not
 * handed out while the schedule keeps its slot or file for a task planned before it that is not ready yet
 * ({@link ClaimPlan#hold}); naming it with {@code taskId} takes it anyway, as a person overriding the plan would.
 * A task whose lease ran out counts as ready; handing it out records the old lease as expired first.
 *
 * @param claimId the id the new claim gets (the caller makes it unique)
 * @param plan    the live schedule at the claim's moment, read after the state caught up with the log
 */
public record ClaimCommand(String pool, String agent, Optional<String> taskId, Duration ttl, String claimId,
                           Optional<ConflictArbiter> arbiter, ClaimPlan.Source plan) implements TaskCommand {
    /** Source of events PCE records on its own behalf. */
    public static final String SYSTEM_SOURCE = "pce";

    public ClaimCommand {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(arbiter, "arbiter");
        Objects.requireNonNull(plan, "plan");
    }

    /** A claim without conflict arbitration or live schedule: the pool's first claimable task by priority. */
    public ClaimCommand(String pool, String agent, Optional<String> taskId, Duration ttl, String claimId) {
        this(pool, agent, taskId, ttl, claimId, Optional.empty(), ClaimPlan.Source.NONE);
    }

    @Override
    public List<NewEvent> decide(WorkflowState state, Instant now) {
        Optional<ClaimArbitration> arbitration = arbiter.map(rules -> new ClaimArbitration(state, now, rules));
        List<NewEvent> events = new ArrayList<>(2);
        arbitration.ifPresent(conflicts -> events.addAll(conflicts.overruns()));
        Optional<TaskState> chosen = Optional.empty();
        if (taskId.isPresent()) {
            TaskState requested = requestedTask(state, state.statuses(now), taskId.get(), now);
            arbitration.flatMap(conflicts -> conflicts.contention(requested)).ifPresent(resolution -> {
                if (resolution.losers().contains(requested.id())) {
                    throw new CeException(ErrorCode.CONFLICT, "Task '" + requested.id() + "' writes "
                            + resolution.sharedFiles() + " like " + resolution.winners() + ", which go first ("
                            + resolution.rule() + ": " + resolution.reason() + ").",
                            "Claim without task_id to get another ready task, or claim it after those are done.");
                }
                events.add(arbitration.get().recorded(resolution, agent));
            });
            chosen = Optional.of(requested);
        } else {
            Optional<ClaimPlan> live = plan.at(now);
            for (TaskState task : (Iterable<TaskState>) candidates(state, now, live)::iterator) {
                Optional<ResourceResolution> contention = arbitration.flatMap(conflicts -> conflicts.contention(task));
                if (contention.isPresent() && contention.get().losers().contains(task.id())) {
                    continue; // a task writing the same file goes first: this one waits
                }
                if (live.flatMap(schedule -> schedule.hold(state, task, now)).isPresent()) {
                    continue; // the schedule keeps its slot or file for a task ready soon
                }
                contention.ifPresent(resolution -> events.add(arbitration.get().recorded(resolution, agent)));
                chosen = Optional.of(task);
                break;
            }
        }
        if (chosen.isEmpty()) {
            return events;
        }
        TaskState task = chosen.get();
        if (task.phase() == TaskPhase.CLAIMED) {
            // Only a lease that is actually taken over is ended: until then its holder may still report late.
            Claim expired = task.claim().orElseThrow();
            events.add(new NewEvent(SYSTEM_SOURCE, new LeaseExpired(task.id(), expired.claimId(), expired.agent())));
        }
        events.add(new NewEvent(agent, new TaskClaimed(task.id(), claimId, agent, pool, now.plus(ttl))));
        return events;
    }

    /**
     * Why nothing was handed out, when the live schedule kept a ready task back: the first such task in the order
     * claims take them. Empty for a claim by {@code taskId} or when no ready task was kept back.
     */
    public Optional<ClaimPlan.Hold> hold(WorkflowState state, Instant now) {
        if (taskId.isPresent()) {
            return Optional.empty();
        }
        Optional<ClaimPlan> live = plan.at(now);
        return live.flatMap(schedule -> candidates(state, now, live)
                .flatMap(task -> schedule.hold(state, task, now).stream()).findFirst());
    }

    /**
     * The pool's claimable tasks in the order claims take them: by the live schedule's start (a stable sort of the
     * priority order), else by priority, looked at lazily so a large plan's claim stops at the first.
     */
    private Stream<TaskState> candidates(WorkflowState state, Instant now, Optional<ClaimPlan> live) {
        Stream<TaskState> claimable = state.tasksByPriority().stream()
                .filter(task -> task.spec().pool().equals(pool) && state.isClaimable(task, now));
        return live.map(schedule -> claimable.sorted(schedule.plannedOrder())).orElse(claimable);
    }

    /** Why a resource partner blocks the task: running both at once would break the resource exclusion. */
    private static String resourceNote(WorkflowState state, String id, Instant now) {
        List<String> notes = state.resourceHolders(id, now).stream()
                .map(holder -> holder.taskId() + " (claimed by " + state.task(holder.taskId()).orElseThrow().claim()
                        .orElseThrow().agent() + ") also writes " + holder.resource())
                .toList();
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes) + ", and the two never run at the same time";
    }

    private TaskState requestedTask(WorkflowState state, Map<String, TaskStatus> statuses, String id, Instant now) {
        TaskState task = TaskChecks.existing(state, id);
        String where = "Task '" + id + "' of workflow " + state.workflowId();
        if (!task.spec().pool().equals(pool)) {
            throw new CeException(ErrorCode.CONFLICT, where + " belongs to pool " + task.spec().pool() + ", not "
                    + pool + ".", "Claim it as an agent of pool " + task.spec().pool() + ".");
        }
        TaskStatus status = statuses.get(id);
        return switch (status) {
            case READY -> task;
            case WAITING -> throw new CeException(ErrorCode.CONFLICT, where + " is waiting for "
                    + state.waitingFor(id, now) + resourceNote(state, id, now) + ".",
                    "Claim it after those tasks are done, or claim without task_id to get a ready task.");
            case CLAIMED -> throw new CeException(ErrorCode.CONFLICT, where + " is claimed by "
                    + task.claim().orElseThrow().agent() + " until " + task.claim().orElseThrow().leaseUntil() + ".",
                    "Claim without task_id to get another ready task.");
            case DONE, FAILED, BLOCKED -> throw new CeException(ErrorCode.CONFLICT,
                    where + " is " + status.wireName() + " and cannot be claimed.",
                    "Claim without task_id to get a ready task; ce_status shows what is left.");
        };
    }
}
