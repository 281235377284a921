package dev.pce.engine.workflow;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.event.ProgressRolledBack;
import dev.pce.engine.event.ReviewReported;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskEvent;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TaskProgressed;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.UnrecognizedPayload;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.model.Claim;
import dev.pce.engine.model.Completion;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Failure;
import dev.pce.engine.model.PartialOutput;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.model.Withdrawal;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow's state: a pure left fold over its events. {@link #apply} is the only mutator and depends on nothing
 * but the event, so replaying the same events always yields the same state, in any process.
 *
 * <p>Time enters only through query parameters ({@code now}): a lease that ran out shows as ready without an
 * event, and the next claim records the expiry as an event.
 */
public final class WorkflowState {
    /** A person's decision against a rule's ({@code ce_resolve}); for a reschedule, the estimate goes back. */
    private static final String OVERRULE = "overrule";
    private final String workflowId;
    private String goal = "";
    private Instant createdAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;
    private long lastSeq;
    private String lastEventId = "";
    private Map<String, TaskState> tasks = new LinkedHashMap<>();
    /** Ids of the tasks last seen claimed (their leases may have run out since): who may be writing right now. */
    private final Set<String> claimed = new LinkedHashSet<>();
    /** The classified relations between the tasks; fixed by the plan. */
    private PlanRelations relations = PlanRelations.of(List.of(), List.of());
    /** Task positions, critical path first: the order in which ready tasks are handed out. Fixed by the plan. */
    private int[] priorityOrder = new int[0];
    /**
     * Each task's bottom level in minutes (the critical path from its start), by position in the plan (see
     * {@link PlanRelations#position}); fixed with the priorities.
     */
    private double[] criticalPaths = new double[0];
    /**
     * The scheduler this process built for the plan it is folding (see {@link #applyCreated}): its priorities are
     * the plan's, so the fold takes them instead of building a second one. Null otherwise, and after that fold.
     */
    private Scheduler planScheduler;
    /** Evidence and gate verdicts. */
    private GateRecord gates = GateRecord.EMPTY;
    /** Conflicts decided, people's decisions, reviews. */
    private ConflictRecord conflicts = ConflictRecord.EMPTY;
    /** The agents per pool the plan was scheduled with; empty: the configured ones. Fixed by the plan. */
    private Optional<PoolSlots> poolSizes = Optional.empty();
    /** The plan edits recorded, by request id: what each asked for, condensed (see {@link EditPlanCommand}). */
    private Map<String, String> editRequests = new HashMap<>();

    public WorkflowState(String workflowId) {
        this.workflowId = workflowId;
    }

    /** Restores a state saved by {@link #snapshot}. */
    public static WorkflowState fromSnapshot(WorkflowSnapshot snapshot) {
        WorkflowState state = new WorkflowState(snapshot.workflowId());
        state.goal = snapshot.goal();
        state.createdAt = snapshot.createdAt();
        state.updatedAt = snapshot.updatedAt();
        state.lastSeq = snapshot.seq();
        state.lastEventId = snapshot.lastEventId();
        for (TaskState task : snapshot.tasks()) {
            state.tasks.put(task.id(), task);
            state.trackClaim(task);
        }
        List<TaskSpec> specs = state.tasks.values().stream().map(TaskState::spec).toList();
        state.relations = PlanRelations.of(specs, snapshot.edges());
        state.prioritize(specs, snapshot.edges());
        state.gates = snapshot.gates();
        state.conflicts = snapshot.conflicts();
        state.poolSizes = snapshot.poolSizes().isEmpty() ? Optional.empty()
                : Optional.of(new PoolSlots(snapshot.poolSizes()));
        state.editRequests = new HashMap<>(snapshot.editRequests());
        return state;
    }

    public WorkflowSnapshot snapshot(long offset) {
        return new WorkflowSnapshot(WorkflowSnapshot.FORMAT, workflowId, lastSeq, offset, lastEventId, goal, createdAt,
                updatedAt, List.copyOf(tasks.values()), relations.edges(), gates, conflicts,
                poolSizes.map(PoolSlots::slots).orElse(Map.of()), editRequests);
    }

    public void applyAll(Collection<Event> events) {
        for (Event event : events) {
            apply(event);
        }
    }

    /**
     * Folds the events this process has just written for a new workflow, its plan first, taking the plan's
     * priorities from {@code scheduler} instead of building a scheduler again: the same as {@link #applyAll}, given
     * that {@code scheduler} was built from the plan event's tasks and edges (with any agents per pool: priorities do
     * not depend on them) and nothing was reported to it yet.
     */
    public void applyCreated(List<Event> written, Scheduler scheduler) {
        planScheduler = scheduler;
        try {
            applyAll(written);
        } finally {
            planScheduler = null;
        }
    }

    /**
     * Folds one event in. PCE never writes an event that does not fit the ones before it (a task added twice over,
     * an edge to a task that does not exist), so one that does not fit means the log was changed outside PCE.
     *
     * @throws CeException {@link ErrorCode#LOG_CORRUPT} naming the event, when it does not fit
     */
    public void apply(Event event) {
        try {
            requirePlannedFirst(event);
            fold(event);
        } catch (CeException e) {
            throw new CeException(ErrorCode.LOG_CORRUPT, "Event " + event.seq() + " (" + event.type() + ", id "
                    + event.id() + ") of workflow " + workflowId + " does not fit the events before it: "
                    + e.getMessage(), e.code() == ErrorCode.LOG_CORRUPT ? e.fix() : "The log was changed outside "
                    + "PCE; restore it from a backup, or move this event and the ones after it out of the log.", e);
        }
    }

    /** PCE creates a workflow with its plan as the first event, and never plans it again. */
    private void requirePlannedFirst(Event event) {
        boolean first = lastSeq == 0;
        if (first && !(event.payload() instanceof WorkflowPlanned)) {
            throw new CeException(ErrorCode.LOG_CORRUPT, "a workflow's log starts with its plan (workflow.planned), "
                    + "and this one does not.", "Restore the log from a backup: without its plan the workflow "
                    + "cannot be read. ce doctor lists the other damage it finds.");
        }
        if (!first && event.payload() instanceof WorkflowPlanned) {
            throw new CeException(ErrorCode.LOG_CORRUPT, "a workflow is planned once, and this is a second "
                    + "workflow.planned.", "The log was changed outside PCE; restore it from a backup, or move this "
                    + "event and the ones after it out of the log.");
        }
    }

    private void fold(Event event) {
        lastSeq = event.seq();
        lastEventId = event.id();
        updatedAt = event.time();
        switch (event.payload()) {
            case WorkflowPlanned planned -> plan(planned, event.time());
            case TasksAdded added -> add(added);
            case PlanEdited edited -> edit(edited);
            case EvidenceReported evidence -> gates = gates.withEvidence(evidence, event.seq());
            case GateEvaluated evaluation -> gates = gates.withGate(evaluation);
            case ReviewReported review -> conflicts = conflicts.with(review);
            case ConflictResolved resolved -> {
                conflicts = conflicts.with(resolved, ConflictRecord.escalates(resolved)
                        ? reviewTaskOf(resolved) : Optional.empty());
                EstimateRevision.of(resolved).ifPresent(revision -> revise(revision.taskId(), revision.toMinutes()));
            }
            case ConflictOverridden overridden -> {
                conflicts = conflicts.with(overridden);
                overruledRevision(overridden).ifPresent(revision -> revise(revision.taskId(),
                        revision.fromMinutes()));
            }
            case TaskEvent taskEvent -> applyTaskEvent(taskEvent, event);
            case UnrecognizedPayload ignored -> {
                // Written by a newer PCE: keep reading, it cannot change what this version knows.
            }
        }
    }

    private void plan(WorkflowPlanned planned, Instant at) {
        goal = planned.goal();
        createdAt = at;
        tasks = LinkedHashMap.newLinkedHashMap(planned.tasks().size());
        claimed.clear();
        for (TaskSpec spec : planned.tasks()) {
            tasks.put(spec.id(), TaskState.planned(spec));
        }
        if (planScheduler != null && planScheduler.size() == planned.tasks().size()) {
            relations = planScheduler.positions()
                    .map(positions -> PlanRelations.of(planned.tasks(), planned.edges(), positions))
                    .orElseGet(() -> PlanRelations.of(planned.tasks(), planned.edges()));
            prioritize(planScheduler);
        } else {
            relations = PlanRelations.of(planned.tasks(), planned.edges());
            prioritize(planned.tasks(), planned.edges());
        }
        poolSizes = planned.poolSizes().isEmpty() ? Optional.empty() : Optional.of(poolSizes(planned.poolSizes()));
    }

    private static PoolSlots poolSizes(Map<String, Integer> recorded) {
        try {
            return new PoolSlots(recorded);
        } catch (IllegalArgumentException e) {
            throw new CeException(ErrorCode.LOG_CORRUPT, "its pool_sizes " + recorded + " are not agents per pool ("
                    + e.getMessage() + "; each pool has 1 to " + PoolSlots.MAX_SLOTS + ").", "The log was changed "
                    + "outside PCE; restore it from a backup, or remove pool_sizes from the event to schedule the "
                    + "workflow with the configured pools.");
        }
    }

    /** New tasks join the plan; their relations join the plan's, and the priorities are worked out again. */
    private void add(TasksAdded added) {
        for (TaskSpec spec : added.tasks()) {
            tasks.putIfAbsent(spec.id(), TaskState.planned(spec));
        }
        List<TaskSpec> specs = tasks.values().stream().map(TaskState::spec).toList();
        List<ClassifiedEdge> edges = new ArrayList<>(relations.edges());
        edges.addAll(added.edges());
        relations = PlanRelations.of(specs, edges);
        prioritize(specs, edges);
    }

    /** The plan as edited: tasks out, changed and in, relations out and in; the priorities worked out again. */
    private void edit(PlanEdited edited) {
        edited.removed().forEach(tasks::remove);
        for (TaskSpec spec : edited.changed()) {
            TaskState task = tasks.get(spec.id());
            if (task != null) {
                tasks.put(spec.id(), task.withSpec(spec));
            }
        }
        for (TaskSpec spec : edited.added()) {
            tasks.putIfAbsent(spec.id(), TaskState.planned(spec));
        }
        java.util.Set<ClassifiedEdge> out = new java.util.HashSet<>(edited.edgesRemoved());
        List<ClassifiedEdge> edges = new ArrayList<>(relations.edges().size() + edited.edgesAdded().size());
        relations.edges().stream().filter(edge -> !out.contains(edge)).forEach(edges::add);
        edges.addAll(edited.edgesAdded());
        List<TaskSpec> specs = tasks.values().stream().map(TaskState::spec).toList();
        relations = PlanRelations.of(specs, edges);
        prioritize(specs, edges);
        editRequests.put(edited.requestId(), edited.digest());
    }

    /** What the plan edit recorded under {@code requestId} asked for, condensed; empty when none was. */
    public Optional<String> editRequest(String requestId) {
        return Optional.ofNullable(editRequests.get(requestId));
    }

    /**
     * A timeline conflict re-plans: the task is planned with the revised estimate from now on, and the critical
     * path and priorities are worked out again. The decision is in the log, so a replay revises the same way.
     */
    private void revise(String taskId, double minutes) {
        TaskState task = tasks.get(taskId);
        if (task == null || task.spec().estimateMinutes() == minutes) {
            return;
        }
        tasks.put(taskId, task.withEstimate(minutes));
        prioritize(tasks.values().stream().map(TaskState::spec).toList(), relations.edges());
    }

    /** The revision a person's "overrule" takes back: the task goes back to the estimate it had before. */
    private Optional<EstimateRevision> overruledRevision(ConflictOverridden overridden) {
        if (!OVERRULE.equals(overridden.decision())) {
            return Optional.empty();
        }
        return conflicts.resolution(overridden.conflictId()).flatMap(EstimateRevision::of)
                .filter(revision -> task(revision.taskId())
                        .map(task -> task.spec().estimateMinutes() == revision.toMinutes()).orElse(false));
    }

    /**
     * The reschedule whose estimate the task is planned with now, if a recorded one revised it: the latest one not
     * overruled.
     */
    public Optional<EstimateRevision> estimateRevision(String taskId) {
        List<ConflictResolved> resolutions = conflicts.resolutions();
        for (int i = resolutions.size() - 1; i >= 0; i--) {
            Optional<EstimateRevision> revision = EstimateRevision.of(resolutions.get(i))
                    .filter(candidate -> candidate.taskId().equals(taskId));
            if (revision.isPresent()) {
                String conflictId = revision.get().conflictId();
                return conflicts.overrides().stream().anyMatch(override -> override.conflictId().equals(conflictId)
                        && OVERRULE.equals(override.decision())) ? Optional.empty() : revision;
            }
        }
        return Optional.empty();
    }

    private void applyTaskEvent(TaskEvent taskEvent, Event event) {
        TaskState task = tasks.get(taskEvent.taskId());
        if (task == null) {
            return;
        }
        // The commands never record a claim of a held or finished task, nor a report under a claim that is gone;
        // logs merged from parallel jobs can hold such events, and the fold skips them as the commands would have.
        TaskState next = switch (taskEvent) {
            case TaskClaimed claimed -> claimableAt(task, event.time())
                    ? task.claimedBy(new Claim(claimed.claimId(), claimed.agent(), event.time(), claimed.leaseUntil()))
                    : task;
            case LeaseExpired expired -> holds(task, expired.claimId()) ? task.released() : task;
            case TaskCompleted completed -> reportable(task, completed.claimId())
                    ? task.completed(new Completion(event.source(), completed.claimId(), event.time(),
                    completed.summary(), completed.artifacts(), completed.data()))
                    : task;
            case TaskFailed failed -> reportable(task, failed.claimId())
                    ? task.failed(new Failure(event.source(), failed.claimId(), event.time(), failed.reason(),
                    failed.retryable()), failed.willRetry())
                    : task;
            case TaskProgressed progressed -> reportable(task, progressed.claimId())
                    ? task.progressed(new PartialOutput(progressed.claimId(), progressed.artifact(),
                    progressed.note(), event.time()))
                    : task;
            case ProgressRolledBack rolledBack -> reportable(task, rolledBack.claimId())
                    ? task.rolledBack(rolledBack.artifact()) : task;
            case ClaimRevoked revoked -> holds(task, revoked.claimId())
                    ? task.revoked(new Withdrawal(revoked.claimId(), false, revoked.cause(), revoked.reason(),
                    event.time()))
                    : task;
            case TaskReopened reopened -> task.phase() == TaskPhase.DONE
                    && task.completion().orElseThrow().claimId().equals(reopened.claimId())
                    ? task.reopened(new Withdrawal(reopened.claimId(), true, reopened.cause(), reopened.reason(),
                    event.time()))
                    : task;
        };
        tasks.put(task.id(), next);
        trackClaim(next);
    }

    private void trackClaim(TaskState task) {
        if (task.phase() == TaskPhase.CLAIMED) {
            claimed.add(task.id());
        } else {
            claimed.remove(task.id());
        }
    }

    /** Unclaimed, or claimed under a lease that ran out by {@code at}. */
    private static boolean claimableAt(TaskState task, Instant at) {
        return task.phase() == TaskPhase.PENDING
                || task.phase() == TaskPhase.CLAIMED && task.claim().orElseThrow().expiredAt(at);
    }

    /** A report under the claim the task holds, of a task not finished yet. */
    private static boolean reportable(TaskState task, String claimId) {
        return task.phase() == TaskPhase.CLAIMED && holds(task, claimId);
    }

    private static boolean holds(TaskState task, String claimId) {
        return task.claim().map(claim -> claim.claimId().equals(claimId)).orElse(false);
    }

    public String workflowId() {
        return workflowId;
    }

    /** False until the workflow.planned event has been read (an interrupted creation). */
    public boolean planned() {
        return lastSeq > 0 && !tasks.isEmpty();
    }

    public String goal() {
        return goal;
    }

    /** The agents per pool the plan was scheduled with, when they were not the configured ones. */
    public Optional<PoolSlots> poolSizes() {
        return poolSizes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastEventId() {
        return lastEventId;
    }

    public Optional<TaskState> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    /** Tasks in plan order. */
    public Collection<TaskState> tasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    public int taskCount() {
        return tasks.size();
    }

    /**
     * When the next lease that is live at {@code now} runs out: statuses change then without any event. Empty when
     * no lease is live.
     */
    public Optional<Instant> nextLeaseExpiry(Instant now) {
        Instant next = null;
        for (TaskState task : tasks.values()) {
            if (task.phase() == TaskPhase.CLAIMED) {
                Claim claim = task.claim().orElseThrow();
                if (!claim.expiredAt(now) && (next == null || claim.leaseUntil().isBefore(next))) {
                    next = claim.leaseUntil();
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * Every task's status at {@code now}, in plan order. One pass in dependency order: a task is blocked when a
     * prerequisite failed or is itself blocked; ready when every hard prerequisite is done, every soft one is done
     * or has a partial output out, and no task it shares a written resource with holds a live claim.
     */
    public Map<String, TaskStatus> statuses(Instant now) {
        // by position: the relations index the tasks in plan order, as this state holds them
        TaskState[] byPosition = tasks.values().toArray(new TaskState[0]);
        TaskStatus[] known = new TaskStatus[byPosition.length];
        for (int position : relations.topologicalPositions()) {
            known[position] = status(byPosition[position], position, now, known, byPosition);
        }
        Map<String, TaskStatus> inPlanOrder = LinkedHashMap.newLinkedHashMap(byPosition.length);
        for (int position = 0; position < byPosition.length; position++) {
            inPlanOrder.put(byPosition[position].id(), known[position]);
        }
        return inPlanOrder;
    }

    private TaskStatus status(TaskState task, int position, Instant now, TaskStatus[] known, TaskState[] byPosition) {
        return switch (task.phase()) {
            case DONE -> TaskStatus.DONE;
            case FAILED -> TaskStatus.FAILED;
            case CLAIMED -> !task.claim().orElseThrow().expiredAt(now) ? TaskStatus.CLAIMED
                    : resourceHolders(task.id(), now).isEmpty() && heldBy(task.id()).isEmpty()
                    && heldByEscalation(task.id()).isEmpty() ? TaskStatus.READY
                    : TaskStatus.WAITING;
            case PENDING -> pendingStatus(task, position, now, known, byPosition);
        };
    }

    private TaskStatus pendingStatus(TaskState task, int position, Instant now, TaskStatus[] known,
                                     TaskState[] byPosition) {
        boolean allSatisfied = true;
        List<PlanRelations.Prerequisite> prerequisites = relations.prerequisitesAt(position);
        int[] at = relations.prerequisitePositions(position);
        for (int i = 0; i < at.length; i++) {
            boolean inPlan = at[i] < known.length;
            TaskStatus status = inPlan ? known[at[i]] : null;
            if (status == TaskStatus.FAILED || status == TaskStatus.BLOCKED) {
                return TaskStatus.BLOCKED;
            }
            allSatisfied &= !waitsOn(prerequisites.get(i).edgeClass(), inPlan ? byPosition[at[i]] : null);
        }
        if (!allSatisfied || heldBy(task.id()).isPresent() || heldByEscalation(task.id()).isPresent()) {
            return TaskStatus.WAITING;
        }
        return resourceHolders(task.id(), now).isEmpty() ? TaskStatus.READY : TaskStatus.WAITING;
    }

    /**
     * Whether {@code task} can be claimed at {@code now}, decided from its own prerequisites alone (no pass over the
     * whole plan): unclaimed or with its lease run out, every prerequisite satisfied, no resource partner holding a
     * live claim. Agrees with {@link #statuses}: a task with a failed or blocked prerequisite is not satisfied.
     */
    public boolean isClaimable(TaskState task, Instant now) {
        boolean free = task.phase() == TaskPhase.PENDING
                || task.phase() == TaskPhase.CLAIMED && task.claim().orElseThrow().expiredAt(now);
        if (!free) {
            return false;
        }
        for (PlanRelations.Prerequisite prerequisite : relations.prerequisites(task.id())) {
            if (waitsOn(prerequisite)) {
                return false;
            }
        }
        return heldBy(task.id()).isEmpty() && heldByEscalation(task.id()).isEmpty()
                && resourceHolders(task.id(), now).isEmpty();
    }

    /**
     * The blocking gate that holds {@code taskId} back: one whose latest evaluation failed and that sits before the
     * task's wave. Remediation tasks are never held: they are what makes the gate pass.
     */
    public Optional<GateEvaluated> heldBy(String taskId) {
        if (gates.gates().isEmpty() || gates.remediation().contains(taskId)) {
            return Optional.empty();
        }
        int wave = relations.wave(taskId);
        return gates.holding().stream().filter(gate -> wave > gate.wave()).findFirst();
    }

    /** The review task whose reviews an escalated quality conflict weighed: the latest review of that task. */
    private Optional<String> reviewTaskOf(ConflictResolved resolved) {
        String reviewed = ((dev.pce.engine.conflict.QualityResolution) resolved.resolution()).taskId();
        List<ReviewReported> reviews = conflicts.reviewsOf(reviewed);
        return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.getLast().reviewTaskId());
    }

    /** Conflicts decided so far, people's decisions and the reviews reported. */
    public ConflictRecord conflicts() {
        return conflicts;
    }

    /**
     * The escalated review conflict that holds {@code taskId} back: the task waits for a review whose reviewers
     * disagreed beyond what the rules decide, until a person decides with ce_resolve.
     */
    public Optional<String> heldByEscalation(String taskId) {
        if (conflicts.escalatedFrom().isEmpty()) {
            return Optional.empty(); // the common case, asked for every task of every status: no work
        }
        for (ConflictRecord.Escalation escalation : conflicts.openEscalations()) {
            if (relations.dependents(escalation.reviewTaskId()).contains(taskId)) {
                return Optional.of(escalation.conflictId());
            }
        }
        return Optional.empty();
    }

    /** Evidence and gate verdicts so far. */
    public GateRecord gates() {
        return gates;
    }

    /** The task's wave (see {@link PlanRelations#wave}). */
    public int wave(String taskId) {
        return relations.wave(taskId);
    }

    /**
     * The tasks sharing a written resource with {@code taskId} that hold a live claim at {@code now}: its resource
     * partners, and any other live claim that writes a path it writes. The second is a guard, not the plan's word:
     * no two live claims write the same path even where the recorded relations have no edge for the pair (a
     * workflow planned by an older version that let soft dependents write their prerequisite's files).
     */
    public List<PlanRelations.Partner> resourceHolders(String taskId, Instant now) {
        List<PlanRelations.Partner> holders = new ArrayList<>(0);
        for (PlanRelations.Partner partner : relations.partners(taskId)) {
            if (holdsLiveClaim(partner.taskId(), now)) {
                holders.add(partner);
            }
        }
        TaskState task = tasks.get(taskId);
        if (task == null || task.spec().writes().isEmpty()) {
            return holders;
        }
        for (String other : claimed) {
            if (!other.equals(taskId) && holdsLiveClaim(other, now)
                    && holders.stream().noneMatch(holder -> holder.taskId().equals(other))) {
                List<String> shared = FileOverlap.shared(task.spec().writes(), tasks.get(other).spec().writes());
                if (!shared.isEmpty()) {
                    holders.add(new PlanRelations.Partner(other, shared.getFirst()));
                }
            }
        }
        return holders;
    }

    private boolean holdsLiveClaim(String taskId, Instant now) {
        TaskState task = tasks.get(taskId);
        return task != null && task.phase() == TaskPhase.CLAIMED && !task.claim().orElseThrow().expiredAt(now);
    }

    /** The prerequisites a task still waits for: hard ones not done, soft ones without a partial output. */
    public List<String> unfinishedDependencies(String taskId) {
        List<String> open = new ArrayList<>();
        for (PlanRelations.Prerequisite prerequisite : relations.prerequisites(taskId)) {
            if (waitsOn(prerequisite)) {
                open.add(prerequisite.taskId());
            }
        }
        return open;
    }

    /** A hard prerequisite holds its dependent until done; a soft one until it has a partial output out. */
    private boolean waitsOn(PlanRelations.Prerequisite prerequisite) {
        return waitsOn(prerequisite.edgeClass(), tasks.get(prerequisite.taskId()));
    }

    private static boolean waitsOn(EdgeClass edgeClass, TaskState dependency) {
        if (dependency == null) {
            return false;
        }
        return edgeClass == EdgeClass.SOFT ? !dependency.hasOutputForSoftDependents()
                : dependency.phase() != TaskPhase.DONE;
    }

    /**
     * What a task waits for at {@code now}: unfinished prerequisites, a blocking gate ({@code gate:<name>}), then
     * tasks holding a resource it writes.
     */
    public List<String> waitingFor(String taskId, Instant now) {
        List<String> waits = unfinishedDependencies(taskId);
        heldBy(taskId).ifPresent(gate -> waits.add("gate:" + gate.gate()));
        heldByEscalation(taskId).ifPresent(conflict -> waits.add("decision:" + conflict));
        for (PlanRelations.Partner holder : resourceHolders(taskId, now)) {
            if (!waits.contains(holder.taskId())) {
                waits.add(holder.taskId());
            }
        }
        return waits;
    }

    /** The priorities of the plan {@code specs} and {@code edges} make (the slots play no part in them). */
    private void prioritize(List<TaskSpec> specs, List<ClassifiedEdge> edges) {
        prioritize(new Scheduler(specs, edges, PoolSlots.defaults()));
    }

    /** The priorities of a scheduler of this state's plan: its tasks indexed in plan order, as the relations are. */
    private void prioritize(Scheduler scheduler) {
        priorityOrder = scheduler.priorityIndexes();
        criticalPaths = scheduler.bottomLevelsByIndex();
    }

    /** The task's bottom level: minutes of estimated work on the longest chain from its start to the end. */
    public double criticalPathMinutes(String taskId) {
        int position = relations.position(taskId);
        return position < 0 || position >= criticalPaths.length ? 0.0 : criticalPaths[position];
    }

    /** The task's position in the plan, 0-based. */
    public int planOrder(String taskId) {
        int position = relations.position(taskId);
        return position < 0 ? tasks.size() : position;
    }

    /** Tasks in the order ready ones are handed out: critical path first, plan order among equals. */
    public List<TaskState> tasksByPriority() {
        TaskState[] byPosition = tasks.values().toArray(new TaskState[0]);
        List<TaskState> ordered = new ArrayList<>(priorityOrder.length);
        for (int position : priorityOrder) {
            ordered.add(byPosition[position]);
        }
        return ordered;
    }

    /** The plan's classified relations. */
    public PlanRelations relations() {
        return relations;
    }

    /** Ids of the tasks that wait for {@code taskId} through a hard or soft edge, in plan order. */
    public List<String> dependentsOf(String taskId) {
        return relations.dependents(taskId);
    }
}
