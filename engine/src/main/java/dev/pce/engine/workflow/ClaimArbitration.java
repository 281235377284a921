package dev.pce.engine.workflow;

import dev.pce.engine.Elapsed;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.Contender;
import dev.pce.engine.conflict.ResourceContention;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.RunningTask;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conflicts a claim brings to light, put to the conflict rules: tasks that write a file the claimed task writes
 * and are ready too (who goes first), and running tasks far past their estimate (reschedule). Each decision is an
 * event, so the history says why a task waited or was rescheduled.
 */
final class ClaimArbitration {
    private final WorkflowState state;
    private final Instant now;
    private final ConflictArbiter arbiter;
    private int decided;

    ClaimArbitration(WorkflowState state, Instant now, ConflictArbiter arbiter) {
        this.state = state;
        this.now = now;
        this.arbiter = arbiter;
    }

    /** A conflict id not used yet, also among the decisions of this claim. */
    private String nextId() {
        return "conflict-" + (state.conflicts().resolutions().size() + ++decided);
    }

    /**
     * Running tasks past their estimate that the rules reschedule: one decision per task and claim. Tasks within
     * their estimate are not even put to the rules.
     */
    List<NewEvent> overruns() {
        List<NewEvent> events = new ArrayList<>(0);
        for (TaskState task : state.tasks()) {
            if (task.phase() != TaskPhase.CLAIMED) {
                continue;
            }
            Claim claim = task.claim().orElseThrow();
            double elapsed = Elapsed.minutes(claim.claimedAt(), now);
            if (claim.expiredAt(now) || elapsed <= task.spec().estimateMinutes()
                    || state.conflicts().rescheduled(task.id(), claim.claimId())) {
                continue;
            }
            TimelineResolution resolution = arbiter.resolveTimeline(RunningTask.of(task.id(), task.spec().kind(),
                    task.spec().pool(), task.spec().estimateMinutes(), elapsed).attempt(Math.max(1, task.attempts())));
            if (resolution.decision() == TimelineDecision.RESCHEDULE) {
                events.add(new NewEvent(ClaimCommand.SYSTEM_SOURCE, new ConflictResolved(nextId(), resolution,
                        claim.claimId())));
            }
        }
        return events;
    }

    /**
     * Who goes first when {@code candidate} and other ready tasks write the same file; empty when no other ready
     * task does.
     */
    Optional<ResourceResolution> contention(TaskState candidate) {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(contender(candidate));
        for (PlanRelations.Partner partner : state.relations().partners(candidate.id())) {
            state.task(partner.taskId()).filter(other -> state.isClaimable(other, now))
                    .ifPresent(other -> contenders.add(contender(other)));
        }
        if (contenders.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(arbiter.resolveResource(new ResourceContention(contenders)));
    }

    /** The decision as an event. */
    NewEvent recorded(ResourceResolution resolution, String agent) {
        return new NewEvent(agent, new ConflictResolved(nextId(), resolution, ""));
    }

    private Contender contender(TaskState task) {
        return Contender.requesting(task.id(), task.spec().pool(), state.criticalPathMinutes(task.id()),
                state.planOrder(task.id()), now, task.spec().writes());
    }
}
