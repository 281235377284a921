package dev.pce.engine.service;

import dev.pce.engine.Cancellation;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.conflict.ConflictArbiter;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.DeclaredEdges;
import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.event.ClaimRevoked;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.NewEvent;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskEvent;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.TaskReopened;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.evidence.EvidenceIntake;
import dev.pce.engine.evidence.EvidenceLocations;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.log.EventLog;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.PlanEdit;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.model.Withdrawal;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.ScheduleView;
import dev.pce.engine.schedule.Scheduler;
import dev.pce.engine.workflow.AddTasksCommand;
import dev.pce.engine.workflow.ClaimCommand;
import dev.pce.engine.workflow.ClaimPlan;
import dev.pce.engine.workflow.Command;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.EditPlanCommand;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.GateCommand;
import dev.pce.engine.workflow.PlanCapacity;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.engine.workflow.ProgressCommand;
import dev.pce.engine.workflow.ReportEvidenceCommand;
import dev.pce.engine.workflow.ResolveCommand;
import dev.pce.engine.workflow.ReviewCommand;
import dev.pce.engine.workflow.WorkflowState;
import dev.pce.engine.workspace.Workspace;

import java.io.Closeable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The engine's use cases: plan a workflow, report status, read events, claim, complete and fail tasks. Safe to
 * call from many threads and, through the event log's locking, from many processes on one workspace.
 */
public final class WorkflowService implements Closeable {
    /** Events per page when a whole log is read: large enough to be few pages, small enough to hold. */
    private static final int WHOLE_LOG_PAGE = 1_000;
    /** From this many tasks a plan's schedule is searched beside the encoding of its event (below, a thread costs more). */
    static final int OVERLAP_FROM_TASKS = 2_000;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Workspace workspace;
    private final Clock clock;
    private final DependencyClassifier classifier;
    private final PoolSlots slots;
    private final Optional<GateJudge> gates;
    private final Optional<ConflictArbiter> arbiter;
    private final ConcurrentMap<String, WorkflowHandle> handles = new ConcurrentHashMap<>();
    private volatile LoadedWorkflows loaded = new LoadedWorkflows();
    private volatile AppendListener appendListener = AppendListener.NONE;

    /** A service with the plain classification (declared dependencies, shared writes) and the default pools. */
    public WorkflowService(Workspace workspace, Clock clock) {
        this(workspace, clock, new DeclaredEdges(), PoolSlots.defaults());
    }

    /**
     * @param classifier classifies the relations of every new plan
     * @param slots      agents per pool, for the schedule estimates (ETA, speedup)
     */
    public WorkflowService(Workspace workspace, Clock clock, DependencyClassifier classifier, PoolSlots slots) {
        this(workspace, clock, classifier, slots, Optional.empty());
    }

    /**
     * @param gates judges the quality gates: on request ({@link #evaluateGate}) and when a completion finishes a
     *              wave of a workflow that has evidence; empty: no gates
     */
    public WorkflowService(Workspace workspace, Clock clock, DependencyClassifier classifier, PoolSlots slots,
                           Optional<GateJudge> gates) {
        this(workspace, clock, classifier, slots, gates, Optional.empty());
    }

    /**
     * @param arbiter decides conflicts: reviewers who disagree, tasks writing one file, tasks far past their
     *                estimate; empty: any review asking for changes sends the work back, and nothing else is
     *                arbitrated
     */
    public WorkflowService(Workspace workspace, Clock clock, DependencyClassifier classifier, PoolSlots slots,
                           Optional<GateJudge> gates, Optional<ConflictArbiter> arbiter) {
        this.workspace = workspace;
        this.clock = clock;
        this.classifier = classifier;
        this.slots = slots;
        this.gates = gates;
        this.arbiter = arbiter;
    }

    public Workspace workspace() {
        return workspace;
    }

    /**
     * From now on, tells {@code listener} of the events each call appends, once they are durable (the composition
     * root sets it once, before the service is used).
     */
    public void onAppended(AppendListener listener) {
        this.appendListener = listener;
    }

    private void tellAppended(String workflowId, List<Event> events) {
        appendListener.appended(workflowId, events);
    }

    /** Validates and stores a plan as a new workflow. Nothing is stored if the plan is invalid. */
    public PlanResult plan(String goal, List<TaskSpec> tasks, String agent) {
        return plan(goal, tasks, agent, Map.of());
    }

    /**
     * Validates and stores a plan whose estimates learned patterns corrected; {@code plannedEstimates} keeps the
     * planner's own for the corrected tasks, so later learning measures against them.
     */
    public PlanResult plan(String goal, List<TaskSpec> tasks, String agent, Map<String, Double> plannedEstimates) {
        return plan(goal, tasks, agent, plannedEstimates, Cancellation.none());
    }

    /**
     * As {@link #plan(String, List, String, Map)}, stopping between its phases when {@code cancellation} is
     * cancelled before the workflow is created; creating it is the point of no return.
     *
     * @throws Cancellation.Cancelled when cancelled in time: nothing was stored
     */
    public PlanResult plan(String goal, List<TaskSpec> tasks, String agent, Map<String, Double> plannedEstimates,
                           Cancellation cancellation) {
        return plan(goal, tasks, agent, plannedEstimates, cancellation, PoolChoice.CONFIGURED);
    }

    /**
     * As {@link #plan(String, List, String, Map, Cancellation)}, scheduled with the agents per pool {@code pools}
     * chooses for this plan: its ETA and its live schedule, also after a restart (sizes other than the configured
     * ones are recorded in {@code workflow.planned}).
     */
    public PlanResult plan(String goal, List<TaskSpec> tasks, String agent, Map<String, Double> plannedEstimates,
                           Cancellation cancellation, PoolChoice pools) {
        return plan(goal, tasks, agent, plannedEstimates, cancellation, pools, Optional.empty());
    }

    /**
     * As {@link #plan(String, List, String, Map, Cancellation, PoolChoice)}, with the relations this service's
     * classifier already gave these tasks (the learned rules' decision on the plan classified it): a large plan is
     * not classified twice. Empty: the plan is classified here.
     *
     * @param classified the classified relations of {@code tasks} as given (estimates aside, which classification
     *                   does not read); still held to the plan's bound on relations
     */
    public PlanResult plan(String goal, List<TaskSpec> tasks, String agent, Map<String, Double> plannedEstimates,
                           Cancellation cancellation, PoolChoice pools, Optional<List<ClassifiedEdge>> classified) {
        cancellation.check();
        PlanValidator.ValidPlan valid = PlanValidator.validPlan(goal, tasks);
        List<TaskSpec> resolved = valid.tasks();
        cancellation.check();
        List<ClassifiedEdge> edges = PlanCapacity.PLAN.requireEdges(classified.isPresent() ? classified.get()
                : classifier.classify(resolved, cancellation, PlanCapacity.PLAN.maxEdges()));
        cancellation.check();
        // the schedule checks what classification may add: an implicit edge can close a cycle
        PoolSlots chosen = pools.choose(resolved, edges, plannedEstimates, slots);
        cancellation.check();
        // one scheduler for the plan's schedule, the new state's priorities and its live schedule
        Scheduler scheduler = new Scheduler(resolved, edges, chosen, valid.positions());
        WorkflowPlanned payload = new WorkflowPlanned(goal, resolved, edges, plannedEstimates,
                chosen.equals(slots) ? Map.of() : chosen.slots());
        cancellation.check();
        NewEvent planned = new NewEvent(agent, payload, PlanCapacity.PLAN.eventBound(resolved.size(), edges.size()));
        cancellation.commit();
        // the schedule search and the plan event's encoding need nothing of each other: a large plan does both at once
        Overlapped<ScheduleView> schedule = Overlapped.start(() -> ScheduleView.of(scheduler.schedule(0)),
                resolved.size() >= OVERLAP_FROM_TASKS);
        List<Event> written = new ArrayList<>();
        long[] writtenTo = new long[1];
        String workflowId = createWorkflow(planned, written, writtenTo);
        ScheduleView searched = schedule.join();
        loaded.used(workflowId, handles.computeIfAbsent(workflowId, id -> WorkflowHandle.created(id,
                workspace.workflowDir(id), clock, slots, written, writtenTo[0], scheduler, this::tellAppended)));
        return handle(workflowId).read(state -> {
            StatusReport report = StatusReport.of(state, clock.instant());
            List<String> ready = report.idsWith(TaskStatus.READY);
            return new PlanResult(workflowId, goal, resolved.size(), resolved, edges, ready, report.pools(), searched,
                    workspace.eventsFile(workflowId).toString());
        });
    }

    /** The full status of a workflow; the same instance as the last call's while nothing has changed. */
    public WorkflowStatus status(String workflowId) {
        return handle(workflowId).status();
    }

    /** The specs of a workflow's tasks (planned and added), in plan order. */
    public List<TaskSpec> plannedTasks(String workflowId) {
        return handle(workflowId).read(state -> state.tasks().stream().map(TaskState::spec).toList());
    }

    /**
     * The workflow's tasks with the estimates their planner gave, before any learned correction (ce_plan stores the
     * corrected ones in the tasks): what a prediction from the learned factors must start from, or it would apply
     * them twice.
     */
    public List<TaskSpec> plannersTasks(String workflowId) {
        Map<String, Double> planners = events(new EventQuery(workflowId, 0, Set.of(WorkflowPlanned.TYPE),
                Optional.empty(), Optional.empty(), 1)).events().stream()
                .map(Event::payload).filter(WorkflowPlanned.class::isInstance).map(WorkflowPlanned.class::cast)
                .map(WorkflowPlanned::plannedEstimates).findFirst().orElse(Map.of());
        return plannedTasks(workflowId).stream().map(task -> planners.containsKey(task.id())
                ? task.withEstimate(planners.get(task.id())) : task).toList();
    }

    /** The ids of a workflow's tasks in the order ready ones are handed out: critical path first, then plan order. */
    public List<String> priorityOrder(String workflowId) {
        return handle(workflowId).read(state -> state.tasksByPriority().stream().map(TaskState::id).toList());
    }

    /** Every workflow of the workspace, oldest first; a workflow whose log cannot be read is listed as such. */
    public WorkflowListing list() {
        List<WorkflowSummary> summaries = new ArrayList<>();
        List<WorkflowListing.UnreadableWorkflow> unreadable = new ArrayList<>();
        for (String id : workspace.workflowIds()) {
            try {
                summaries.add(handle(id).read(state -> StatusReport.of(state, clock.instant()).summary()));
            } catch (CeException e) {
                unreadable.add(new WorkflowListing.UnreadableWorkflow(id, e.describe()));
            }
        }
        return new WorkflowListing(summaries, unreadable);
    }

    /**
     * Every event of the workflow's log, read page by page: what learning and capture fold a whole workflow from.
     *
     * @throws Cancellation.Cancelled when cancelled between pages
     */
    public List<Event> wholeLog(String workflowId, Cancellation cancellation) {
        List<Event> all = new ArrayList<>();
        long after = 0;
        while (true) {
            cancellation.check();
            EventsPage page = events(new EventQuery(workflowId, after, Set.of(), Optional.empty(), Optional.empty(),
                    WHOLE_LOG_PAGE));
            all.addAll(page.events());
            if (!page.hasMore()) {
                return all;
            }
            after = page.nextAfter();
        }
    }

    public EventsPage events(EventQuery query) {
        WorkflowHandle handle = handle(query.workflowId());
        Predicate<Event> filter = event -> query.types().isEmpty() || query.types().contains(event.type());
        if (query.taskId().isPresent()) {
            String taskId = query.taskId().get();
            filter = filter.and(event -> event.payload() instanceof TaskEvent task && task.taskId().equals(taskId));
        }
        if (query.pool().isPresent()) {
            Map<String, String> poolOfTask = handle.read(WorkflowService::poolsOfTasks);
            String pool = query.pool().get();
            filter = filter.and(event -> !(event.payload() instanceof TaskEvent task)
                    || pool.equals(poolOfTask.get(task.taskId())));
        }
        EventLog.Page page = handle.events(query.after(), query.limit(), filter);
        long lastSeq = handle.read(WorkflowState::lastSeq);
        return new EventsPage(query.workflowId(), page.events(), page.nextAfter(), page.hasMore(), lastSeq);
    }

    private static Map<String, String> poolsOfTasks(WorkflowState state) {
        Map<String, String> pools = new HashMap<>();
        for (TaskState task : state.tasks()) {
            pools.put(task.id(), task.spec().pool());
        }
        return pools;
    }

    /**
     * Hands the ready task of {@code pool} the live schedule starts first (or the named one) to {@code agent} under a
     * lease of {@code ttl}; none while the schedule keeps the pool's free slot, or the file, for a task ready soon.
     */
    public ClaimResult claim(String workflowId, String pool, String agent, Optional<String> taskId, Duration ttl) {
        String claimId = "cl-" + HexFormat.of().formatHex(randomBytes(6));
        WorkflowHandle handle = handle(workflowId);
        ClaimCommand command = new ClaimCommand(pool, agent, taskId, ttl, claimId, arbiter, handle.claimPlan());
        return handle.execute(command, (state, executed) -> {
            StatusReport report = StatusReport.of(state, executed.decidedAt());
            List<String> expired = executed.appended().stream()
                    .filter(event -> event.payload() instanceof LeaseExpired)
                    .map(event -> ((LeaseExpired) event.payload()).taskId()).toList();
            PoolCounts counts = report.pool(pool).orElse(new PoolCounts(pool, 0, 0, 0, 0, 0, 0, 0));
            Optional<ClaimedTask> claimed = executed.appended().stream()
                    .filter(event -> event.payload() instanceof TaskClaimed)
                    .map(event -> claimedTask(state, (TaskClaimed) event.payload()))
                    .findFirst();
            Optional<ClaimPlan.Hold> held = claimed.isPresent() || report.phase().finished() ? Optional.empty()
                    : command.hold(state, executed.decidedAt());
            String message = claimed.map(task -> "Claimed task '" + task.spec().id() + "' until " + task.leaseUntil()
                            + "; report it with ce_complete or ce_fail using claim_id " + task.claimId() + ".")
                    .or(() -> held.map(hold -> heldBack(hold, pool, executed.decidedAt())))
                    .orElseGet(() -> nothingToClaim(workflowId, counts, report.phase()));
            return new ClaimResult(workflowId, claimed.isPresent(), claimed, message, counts, report.phase(),
                    expired, held);
        });
    }

    /** Why a ready task was kept back, and when to ask again. */
    private static String heldBack(ClaimPlan.Hold hold, String pool, Instant now) {
        String what = hold.resource().equals(ClaimPlan.Hold.SLOT) ? "pool " + pool + "'s free slot"
                : "file " + hold.resource();
        String when = hold.expectedStart().isAfter(now) ? "at " + hold.expectedStart()
                : "as soon as " + String.join(", ", hold.waitingFor()) + " publishes a partial output or finishes";
        return "Task '" + hold.taskId() + "' is ready but kept back: the live schedule keeps " + what + " for '"
                + hold.keptFor() + "' (waiting for " + String.join(", ", hold.waitingFor()) + "), which starts "
                + when + ", before '" + hold.taskId() + "' would finish, and the plan finishes sooner that way. "
                + "Claim again then, or after the next task.progressed or task.completed event (see ce_events); "
                + "claim with task_id '" + hold.taskId() + "' to take it anyway.";
    }

    private static ClaimedTask claimedTask(WorkflowState state, TaskClaimed claimed) {
        TaskState task = state.task(claimed.taskId()).orElseThrow();
        List<ClaimedTask.DependencyOutput> inputs = new ArrayList<>();
        for (String dependency : task.spec().dependsOn()) {
            state.task(dependency).flatMap(TaskState::completion).ifPresent(done -> inputs.add(
                    new ClaimedTask.DependencyOutput(dependency, done.summary(), done.artifacts())));
        }
        return new ClaimedTask(task.spec(), claimed.claimId(), claimed.leaseUntil(), task.attempts(), inputs);
    }

    private static String nothingToClaim(String workflowId, PoolCounts pool, WorkflowPhase phase) {
        if (phase.finished()) {
            return "Workflow " + workflowId + " is " + phase.wireName() + "; there is nothing left to claim.";
        }
        if (pool.total() == 0) {
            return "Workflow " + workflowId + " has no tasks in pool " + pool.pool() + ".";
        }
        return "No ready task in pool " + pool.pool() + " right now: " + pool.waiting() + " waiting for dependencies, "
                + pool.claimed() + " claimed by other agents, " + pool.blocked() + " blocked, " + pool.done()
                + " done. Try again after the next task.completed event (see ce_events).";
    }

    /**
     * Adds tasks to a running workflow; their relations to the plan's tasks are classified like a plan's.
     * Returns the ids added (empty when the same tasks were added before).
     */
    public List<String> addTasks(String workflowId, List<TaskSpec> tasks, String reason, String cause,
                                 String agent) {
        return handle(workflowId).execute(new AddTasksCommand(tasks, reason, cause, agent, classifier),
                (state, executed) -> addedTasks(executed.appended()));
    }

    /**
     * Edits a running workflow's plan (see {@link EditPlanCommand}): the edits are checked as a whole, classified by
     * this service's rules and recorded as one event; the same request again records nothing.
     */
    public EditOutcome editPlan(String workflowId, String requestId, List<PlanEdit> edits, String reason,
                                String agent) {
        WorkflowHandle handle = handle(workflowId);
        Optional<PlanEdited> appended = handle.execute(new EditPlanCommand(requestId, edits, reason, agent,
                classifier), (state, executed) -> executed.appended().stream().map(Event::payload)
                .filter(PlanEdited.class::isInstance).map(PlanEdited.class::cast).findFirst());
        PlanEdited edit = appended.or(() -> recordedEdit(handle, requestId)).orElseThrow();
        WorkflowStatus status = handle.status();
        List<String> ready = status.tasks().stream().filter(task -> task.status() == TaskStatus.READY)
                .map(TaskView::id).toList();
        return new EditOutcome(workflowId, requestId, appended.isPresent(), edit.edits(),
                edit.added().stream().map(TaskSpec::id).toList(), edit.removed(),
                edit.changed().stream().map(TaskSpec::id).toList(), edit.edgesAdded().size(),
                edit.edgesRemoved().size(), ready, status.schedule().map(ScheduleView::etaMinutes));
    }

    /** The edit recorded under {@code requestId}: what a repeated request answers with. */
    private static Optional<PlanEdited> recordedEdit(WorkflowHandle handle, String requestId) {
        return handle.events(0, 1, event -> event.payload() instanceof PlanEdited edited
                        && edited.requestId().equals(requestId)).events().stream()
                .map(event -> (PlanEdited) event.payload()).findFirst();
    }

    public TaskResult complete(String workflowId, CompleteCommand command) {
        TaskResult result = taskResult(workflowId, command.taskId(), command);
        if (!result.duplicate() && gates.isPresent()) {
            judgeFinishedWave(workflowId, command.taskId(), command.agent());
        }
        return result;
    }

    /**
     * Stores quality evidence with the workflow (a later report of the same key replaces it). Returns the
     * sequence number of the workflow's latest evidence report.
     */
    public long reportEvidence(String workflowId, EvidenceReported report, String agent) {
        return reportEvidence(workflowId, report, agent, Cancellation.none());
    }

    /**
     * As {@link #reportEvidence(String, EvidenceReported, String)}, committing {@code cancellation} before the
     * report is appended.
     *
     * @throws Cancellation.Cancelled when it was cancelled first: nothing was stored
     */
    public long reportEvidence(String workflowId, EvidenceReported report, String agent,
                               Cancellation cancellation) {
        return handle(workflowId).execute(new ReportEvidenceCommand(report, agent), cancellation,
                (state, executed) -> state.gates().evidenceSeq());
    }

    /**
     * Reads evidence files into the workflow: {@code files} (files, or directories searched for the names reporting
     * tools write) are resolved against the project and must lie in {@code scope}, also after following links; every
     * file is read before the first is stored, then each is stored as one report keyed by its path (the file read
     * again replaces what it said before). Storing the first report is the point of no return of
     * {@code cancellation}.
     *
     * @param field names the paths in errors: "evidence" gives "evidence[1] 'x' does not exist"
     * @return each file read, and what it said
     * @throws CeException            INVALID_ARGUMENT when a path is not one, does not exist or leads outside
     *                                {@code scope}: nothing was read
     * @throws Cancellation.Cancelled when cancelled before the first report was stored: nothing was
     */
    public EvidenceIntake reportEvidenceFiles(String workflowId, List<String> files, EvidenceLocations scope,
                                              String field, String agent, Cancellation cancellation) {
        EvidenceIntake intake = EvidenceIntake.read(scope.resolveAll(files, field), scope, cancellation);
        for (EvidenceReported report : intake.reports()) {
            reportEvidence(workflowId, report, agent, cancellation);
        }
        return intake;
    }

    /**
     * Judges the gate after the workflow's current wave now (or the final gate when every planned task is done),
     * records the verdict and adds the remediation tasks.
     */
    public GateOutcome evaluateGate(String workflowId, String agent, Optional<ProjectType> projectType) {
        return evaluateGate(workflowId, agent, projectType, Cancellation.none());
    }

    /**
     * As {@link #evaluateGate(String, String, Optional)}, stopping before and after the judgement when
     * {@code cancellation} is cancelled; recording the verdict is the point of no return.
     *
     * @throws Cancellation.Cancelled when cancelled in time: nothing was recorded
     */
    public GateOutcome evaluateGate(String workflowId, String agent, Optional<ProjectType> projectType,
                                    Cancellation cancellation) {
        GateJudge judge = gates.orElseThrow(() -> new CeException(ErrorCode.INTERNAL, "No gate rules are configured "
                + "in this process.", "Run the server with 'ce serve', which loads the gate rules."));
        WorkflowHandle handle = handle(workflowId);
        cancellation.check();
        GateCommand command = handle.read(state -> judge.judge(state, GateJudge.currentSync(state), projectType,
                agent, classifier));
        cancellation.check();
        return record(workflowId, handle, command, cancellation);
    }

    /**
     * After a completion: if it finished its wave and the workflow has evidence besides reviews, the gate after it
     * judges.
     */
    private void judgeFinishedWave(String workflowId, String taskId, String agent) {
        WorkflowHandle handle = handle(workflowId);
        Optional<GateCommand> command = handle.read(state -> !state.gates().hasReportedEvidence() ? Optional.empty()
                : GateJudge.completedSync(state, taskId)
                        .map(sync -> gates.orElseThrow().judge(state, sync, Optional.empty(), agent, classifier)));
        command.ifPresent(gate -> record(workflowId, handle, gate, Cancellation.none()));
    }

    private GateOutcome record(String workflowId, WorkflowHandle handle, GateCommand command,
                               Cancellation cancellation) {
        return handle.execute(command, cancellation, (state, executed) -> {
            return new GateOutcome(workflowId, command.gate(), command.wave(), command.projectType(),
                    command.result().blocking(), command.result().criteria(),
                    command.remediation().stream().map(TaskSpec::id).toList(), addedTasks(executed.appended()),
                    command.evidenceSeq(),
                    !executed.appended().isEmpty());
        });
    }

    public TaskResult fail(String workflowId, FailCommand command) {
        return taskResult(workflowId, command.taskId(), command);
    }

    /** Publishes or rolls back a running task's partial output. */
    public TaskResult progress(String workflowId, ProgressCommand command) {
        return taskResult(workflowId, command.taskId(), command);
    }

    /**
     * A reviewer reports its review task: completed, its verdicts stored as gate evidence, and, when it asks for
     * changes, rework for the reviewed tasks' pools plus a re-review (see {@link ReviewCommand}).
     */
    public ReviewOutcome review(String workflowId, String reviewTaskId, String claimId, String agent,
                                List<DimensionReview> reviews, String summary) {
        return review(workflowId, new ReviewCommand(reviewTaskId, claimId, agent, reviews, summary, classifier,
                arbiter));
    }

    /** See {@link #review(String, String, String, String, List, String)}. */
    public ReviewOutcome review(String workflowId, ReviewCommand command) {
        List<String> added = new ArrayList<>();
        List<ConflictResolved> resolved = new ArrayList<>();
        TaskResult result = taskResult(workflowId, command.reviewTaskId(), command, appended -> {
            added.addAll(addedTasks(appended));
            appended.stream().filter(event -> event.payload() instanceof ConflictResolved)
                    .forEach(event -> resolved.add((ConflictResolved) event.payload()));
        });
        if (!result.duplicate() && gates.isPresent()) {
            judgeFinishedWave(workflowId, command.reviewTaskId(), command.agent());
        }
        if (!resolved.isEmpty()) {
            ConflictResolved first = resolved.getFirst();
            return ReviewOutcome.decided(result, command.approved(), first.conflictId(),
                    (QualityResolution) first.resolution(), added);
        }
        return new ReviewOutcome(result, command.approved(),
                command.approved() ? QualityDecision.APPROVED : QualityDecision.CHANGES_REQUIRED, added);
    }

    /** A person decides a conflict (see {@link ResolveCommand}). */
    public ResolveOutcome resolve(String workflowId, String conflictId, String decision, String reason,
                                  String agent) {
        return handle(workflowId).execute(new ResolveCommand(conflictId, decision, reason, agent, classifier),
                (state, executed) -> new ResolveOutcome(workflowId, conflictId, decision,
                        !executed.appended().isEmpty(), addedTasks(executed.appended())));
    }

    private static List<String> addedTasks(List<Event> appended) {
        List<String> added = new ArrayList<>();
        for (Event event : appended) {
            if (event.payload() instanceof TasksAdded tasksAdded) {
                tasksAdded.tasks().forEach(task -> added.add(task.id()));
            }
        }
        return added;
    }

    private TaskResult taskResult(String workflowId, String taskId, Command command) {
        return taskResult(workflowId, taskId, command, appended -> { });
    }

    private TaskResult taskResult(String workflowId, String taskId, Command command,
                                  Consumer<List<Event>> seeAppended) {
        return handle(workflowId).execute(command, (state, executed) -> {
            seeAppended.accept(executed.appended());
            StatusReport report = StatusReport.of(state, executed.decidedAt());
            boolean duplicate = executed.appended().isEmpty();
            // a repeated failure report answers as the first did: the task went back to its pool unless that
            // failure ended it
            boolean willRetry = duplicate
                    ? command instanceof FailCommand fail
                    && state.task(taskId).orElseThrow().retriedAfterFailureUnder(fail.claimId())
                    : executed.appended().stream()
                            .anyMatch(event -> event.payload() instanceof TaskFailed failed && failed.willRetry());
            Taken taken = duplicate
                    ? command instanceof FailCommand fail ? Taken.byFailure(state, taskId, fail.claimId()) : Taken.NONE
                    : Taken.by(state, executed.appended());
            List<String> ready = new ArrayList<>();
            List<String> blocked = new ArrayList<>();
            if (!executed.appended().isEmpty()) {
                report.dependentStatuses(taskId).forEach((id, status) -> {
                    if (status == TaskStatus.READY) {
                        ready.add(id);
                    } else if (status == TaskStatus.BLOCKED) {
                        blocked.add(id);
                    }
                });
                // what a failure for good took back is blocked too, however far downstream
                taken.reopened().stream().filter(id -> report.statusOf(id) == TaskStatus.BLOCKED
                        && !blocked.contains(id)).forEach(blocked::add);
            }
            return new TaskResult(workflowId, report.view(state.task(taskId).orElseThrow()),
                    duplicate, willRetry, ready, blocked, report.phase(), report.progressPercent(),
                    taken.revoked(), taken.reopened());
        });
    }

    /**
     * The work a withdrawn draft took back, in plan order: every task reopened, and those of them whose claim was
     * revoked.
     */
    private record Taken(List<String> reopened, List<String> revoked) {
        static final Taken NONE = new Taken(List.of(), List.of());

        /** From the events just appended. */
        static Taken by(WorkflowState state, List<Event> appended) {
            Set<String> revoked = new HashSet<>();
            Set<String> reopened = new HashSet<>();
            for (Event event : appended) {
                if (event.payload() instanceof ClaimRevoked claimRevoked) {
                    revoked.add(claimRevoked.taskId());
                    reopened.add(claimRevoked.taskId());
                } else if (event.payload() instanceof TaskReopened taskReopened) {
                    reopened.add(taskReopened.taskId());
                }
            }
            return reopened.isEmpty() ? NONE : inPlanOrder(state, reopened::contains, revoked::contains);
        }

        /**
         * A repeated failure report answers as the first did: what the failure for good under {@code claimId} took
         * back is recorded with the same time and cause.
         */
        static Taken byFailure(WorkflowState state, String taskId, String claimId) {
            TaskState task = state.task(taskId).orElseThrow();
            Optional<Instant> failedAt = task.lastFailure().filter(failure -> failure.claimId().equals(claimId)
                    && !task.retriedAfterFailureUnder(claimId)).map(failure -> failure.at());
            if (failedAt.isEmpty()) {
                return NONE;
            }
            Predicate<Withdrawal> byIt = withdrawal -> withdrawal.cause().equals(taskId)
                    && withdrawal.at().equals(failedAt.get());
            return inPlanOrder(state, id -> state.task(id).orElseThrow().withdrawals().stream().anyMatch(byIt),
                    id -> state.task(id).orElseThrow().withdrawals().stream()
                            .anyMatch(byIt.and(withdrawal -> !withdrawal.completed())));
        }

        private static Taken inPlanOrder(WorkflowState state, Predicate<String> reopened, Predicate<String> revoked) {
            List<String> all = new ArrayList<>(0);
            List<String> claims = new ArrayList<>(0);
            for (TaskState task : state.tasks()) {
                if (reopened.test(task.id())) {
                    all.add(task.id());
                    if (revoked.test(task.id())) {
                        claims.add(task.id());
                    }
                }
            }
            return new Taken(all, claims);
        }
    }

    /**
     * This process's view of a workflow, opened on first use. A view whose log was removed (gc in another process),
     * replaced, cut or found damaged is dropped, and the workflow is read again from its file as it is now.
     */
    private WorkflowHandle handle(String workflowId) {
        Ids.requireWorkflowId(workflowId, "workflow_id");
        WorkflowHandle existing = handles.get(workflowId);
        if (existing != null) {
            if (existing.usable()) {
                loaded.used(workflowId, existing);
                return existing;
            }
            if (handles.remove(workflowId, existing)) {
                loaded.dropped(workflowId);
                existing.close();
            }
        }
        if (!workspace.hasWorkflow(workflowId)) {
            throw unknownWorkflow(workflowId);
        }
        WorkflowHandle opened = handles.computeIfAbsent(workflowId,
                id -> WorkflowHandle.open(id, workspace.workflowDir(id), clock, slots, this::tellAppended));
        loaded.used(workflowId, opened);
        return opened;
    }

    /**
     * Keeps at most {@code taskBudget} tasks of workflows in memory, unloading with {@code unloader} (for tests: a
     * small budget, unloading at once).
     */
    void keepLoaded(int taskBudget, Executor unloader) {
        loaded = new LoadedWorkflows(taskBudget, unloader);
    }

    /** Whether this process holds the workflow's state in memory now (for tests). */
    boolean holdsInMemory(String workflowId) {
        WorkflowHandle handle = handles.get(workflowId);
        return handle != null && handle.loaded();
    }

    private CeException unknownWorkflow(String workflowId) {
        List<String> known = workspace.workflowIds();
        String listing = known.isEmpty() ? "It has no workflows yet."
                : "Newest workflows: " + String.join(", ", known.subList(Math.max(0, known.size() - 5), known.size()))
                        + ".";
        return new CeException(ErrorCode.UNKNOWN_WORKFLOW,
                "Workflow '" + workflowId + "' does not exist in workspace " + workspace.root() + ". " + listing,
                "Use a workflow_id returned by ce_plan, or call ce_status without workflow_id to list them.");
    }

    /** Writes a new workflow's first event under a fresh id; {@code written} and {@code writtenTo} get the result. */
    private String createWorkflow(NewEvent planned, List<Event> written, long[] writtenTo) {
        while (true) {
            String workflowId = newWorkflowId();
            written.clear();
            boolean created = workspace.createWorkflow(workflowId, eventsFile -> {
                EventLog.create(eventsFile);
                try (EventLog log = EventLog.open(eventsFile, clock)) {
                    written.addAll(log.locked((caughtUp, appender) -> appender.append(List.of(planned))));
                    writtenTo[0] = log.consumedOffset();
                }
            });
            if (created) {
                return workflowId;
            } // the id was drawn twice in one second (1 in 16 million per pair): nothing was stored, draw again
        }
    }

    private String newWorkflowId() {
        Instant now = clock.instant();
        return "wf-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes(3));
    }

    /** Seeded on the first new workflow, not while the server starts: seeding costs milliseconds. */
    private static final class IdRandom {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        IdRandom.RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        handles.values().forEach(WorkflowHandle::close);
        handles.clear();
    }
}
