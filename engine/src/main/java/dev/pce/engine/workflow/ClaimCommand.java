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

/**
 * An agent of {@code pool} asks for work: the named task, or else the pool's ready task with the highest priority
 * (critical path first, plan order among equals).
 * A task whose lease ran out counts as ready; handing it out records the old lease as expired first.
 *
 * @param claimId the id the new claim gets (the caller makes it unique)
 */
public record ClaimCommand(String pool, String agent, Optional<String> taskId, Duration ttl, String claimId,
                           Optional<ConflictArbiter> arbiter) implements TaskCommand {
    /** Source of events PCE records on its own behalf. */
    public static final String SYSTEM_SOURCE = "pce";

    public ClaimCommand {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(arbiter, "arbiter");
    }

    /** A claim without conflict arbitration: the pool's first claimable task by priority. */
    public ClaimCommand(String pool, String agent, Optional<String> taskId, Duration ttl, String claimId) {
        this(pool, agent, taskId, ttl, claimId, Optional.empty());
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
            for (TaskState task : state.tasksByPriority()) {
                if (!task.spec().pool().equals(pool) || !state.isClaimable(task, now)) {
                    continue;
                }
                Optional<ResourceResolution> contention = arbitration.flatMap(conflicts -> conflicts.contention(task));
                if (contention.isPresent() && contention.get().losers().contains(task.id())) {
                    continue; // a task writing the same file goes first: this one waits
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
