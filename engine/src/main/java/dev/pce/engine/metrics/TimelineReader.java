package dev.pce.engine.metrics;

import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskEvent;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TaskProgressed;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.event.UnrecognizedPayload;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.workflow.PlanRelations;
import dev.pce.engine.workflow.WorkflowState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a workflow's events through the state fold and records what happened between them: each attempt from
 * claim to end, and when each task became claimable. Readiness is the fold's own ({@link WorkflowState#isClaimable}),
 * asked after every event for the tasks the event can concern, and at every lease end between events (status
 * changes then without an event).
 */
final class TimelineReader {
    private final WorkflowState state;
    /** Tasks claimable now, and since when. */
    private final Map<String, Instant> claimableSince = new HashMap<>();
    /** Attempts not ended yet, by task. */
    private final Map<String, OpenAttempt> open = new LinkedHashMap<>();
    /** Claims whose lease end has been looked at. */
    private final Set<String> leaseEndsSeen = new HashSet<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<GateEvaluation> gates = new ArrayList<>();

    private record OpenAttempt(String claimId, String agent, String pool, int number, Optional<Instant> readyAt,
                               Instant start, Instant leaseUntil) {
    }

    private TimelineReader(String workflowId) {
        this.state = new WorkflowState(workflowId);
    }

    /** {@code events}: one workflow's log in sequence order. */
    static Timeline read(String workflowId, List<Event> events, Instant asOf) {
        return new TimelineReader(workflowId).readAll(events, asOf);
    }

    private Timeline readAll(List<Event> events, Instant reportTime) {
        for (Event event : events) {
            passLeaseEndsBefore(event.time());
            apply(event);
        }
        Instant asOf = Seconds.later(reportTime, state.updatedAt());
        for (Map.Entry<String, OpenAttempt> entry : open.entrySet()) {
            OpenAttempt attempt = entry.getValue();
            boolean expired = !asOf.isBefore(attempt.leaseUntil());
            end(entry.getKey(), attempt, expired ? AttemptOutcome.EXPIRED : AttemptOutcome.RUNNING,
                    expired ? attempt.leaseUntil() : asOf);
        }
        open.clear();
        attempts.sort(Comparator.comparing(Attempt::start).thenComparing(Attempt::taskId));
        return new Timeline(state, attempts, gates, asOf);
    }

    private void apply(Event event) {
        switch (event.payload()) {
            case TaskEvent taskEvent -> applyTaskEvent(taskEvent, event);
            case EvidenceReported ignored -> state.apply(event); // evidence alone changes no task's status
            case UnrecognizedPayload ignored -> state.apply(event);
            case GateEvaluated gate -> {
                state.apply(event);
                gates.add(new GateEvaluation(gate.gate(), gate.wave(), event.time(), !gate.blocking(),
                        gate.criteria().stream().filter(CriterionResult::unmet)
                                .map(CriterionResult::criterion).toList()));
                refreshAll(event.time());
            }
            default -> {
                // a plan, added tasks, reviews and conflict decisions can change any task's status
                state.apply(event);
                refreshAll(event.time());
            }
        }
    }

    private void applyTaskEvent(TaskEvent taskEvent, Event event) {
        String taskId = taskEvent.taskId();
        TaskState before = state.task(taskId).orElse(null);
        Optional<Instant> readyAt = Optional.ofNullable(claimableSince.get(taskId));
        state.apply(event);
        TaskState after = state.task(taskId).orElse(null);
        if (before == null || after == before) {
            return; // a task the plan does not know, or an event the fold skips (a merged log's stale report)
        }
        Instant at = event.time();
        switch (taskEvent) {
            case TaskClaimed claimed -> {
                OpenAttempt previous = open.remove(taskId);
                if (previous != null) {
                    // claimed again after the lease ran out, without a recorded expiry (a merged log)
                    end(taskId, previous, AttemptOutcome.EXPIRED, Seconds.earlier(previous.leaseUntil(), at));
                }
                String pool = claimed.pool() == null || claimed.pool().isEmpty() ? after.spec().pool() : claimed.pool();
                open.put(taskId, new OpenAttempt(claimed.claimId(), claimed.agent(), pool, after.attempts(), readyAt,
                        at, claimed.leaseUntil()));
            }
            case LeaseExpired ignored -> endOpen(taskId, AttemptOutcome.EXPIRED, at);
            case TaskCompleted ignored -> endOpen(taskId, AttemptOutcome.COMPLETED, at);
            case TaskFailed ignored -> endOpen(taskId, AttemptOutcome.FAILED, at);
            case ClaimRevoked ignored -> endOpen(taskId, AttemptOutcome.REVOKED, at);
            case TaskReopened ignored -> {
                // its completed attempt stays as it was; the task waits for a new one
            }
            case TaskProgressed ignored -> {
                // soft dependents may start: refreshed below
            }
            case ProgressRolledBack ignored -> {
                // soft dependents wait again: refreshed below
            }
        }
        if (taskEvent instanceof TaskFailed failed && !failed.willRetry()) {
            refreshAll(at); // a failure for good blocks everything downstream, not only the direct dependents
        } else {
            refresh(concerned(taskId), at);
        }
    }

    private void endOpen(String taskId, AttemptOutcome outcome, Instant at) {
        OpenAttempt attempt = open.remove(taskId);
        if (attempt != null) {
            // an expired attempt ends when its lease did, not when the expiry was recorded
            end(taskId, attempt, outcome, outcome == AttemptOutcome.EXPIRED
                    ? Seconds.earlier(attempt.leaseUntil(), at) : at);
        }
    }

    private void end(String taskId, OpenAttempt attempt, AttemptOutcome outcome, Instant at) {
        attempts.add(new Attempt(taskId, attempt.number(), attempt.claimId(), attempt.agent(), attempt.pool(),
                attempt.readyAt(), attempt.start(), at, outcome));
    }

    /**
     * Between events, a lease that runs out frees its task and the tasks waiting for the resource it holds; look
     * at them at that moment.
     */
    private void passLeaseEndsBefore(Instant next) {
        List<Map.Entry<String, OpenAttempt>> ending = open.entrySet().stream()
                .filter(entry -> entry.getValue().leaseUntil().isBefore(next))
                .filter(entry -> !leaseEndsSeen.contains(entry.getValue().claimId()))
                .sorted(Comparator.comparing(entry -> entry.getValue().leaseUntil()))
                .toList();
        for (Map.Entry<String, OpenAttempt> entry : ending) {
            leaseEndsSeen.add(entry.getValue().claimId());
            Set<String> concerned = new LinkedHashSet<>();
            concerned.add(entry.getKey());
            state.relations().partners(entry.getKey()).forEach(partner -> concerned.add(partner.taskId()));
            refresh(concerned, entry.getValue().leaseUntil());
        }
    }

    /** The tasks whose status an event about {@code taskId} can change: itself, its dependents, its partners. */
    private Set<String> concerned(String taskId) {
        Set<String> concerned = new LinkedHashSet<>();
        concerned.add(taskId);
        concerned.addAll(state.dependentsOf(taskId));
        for (PlanRelations.Partner partner : state.relations().partners(taskId)) {
            concerned.add(partner.taskId());
        }
        return concerned;
    }

    private void refreshAll(Instant at) {
        for (TaskState task : state.tasks()) {
            refresh(task, at);
        }
    }

    private void refresh(Set<String> taskIds, Instant at) {
        for (String id : taskIds) {
            state.task(id).ifPresent(task -> refresh(task, at));
        }
    }

    /** A task that turns claimable starts its wait now; one that stops being claimable starts over next time. */
    private void refresh(TaskState task, Instant at) {
        if (state.isClaimable(task, at)) {
            claimableSince.putIfAbsent(task.id(), at);
        } else {
            claimableSince.remove(task.id());
        }
    }
}
