package dev.pce.engine.learning.insight.experiment;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.pce.engine.Cancellation;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.LeaseExpired;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Measurement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.insight.InsightEvent.Kind;
import dev.pce.engine.learning.insight.experiment.CaptureSchedule.Gate;
import dev.pce.engine.learning.insight.experiment.CaptureSchedule.Panel;
import dev.pce.engine.learning.insight.experiment.CaptureSchedule.PlannedBuild;
import dev.pce.engine.learning.insight.experiment.CaptureSchedule.PlannedWorkflow;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskStatus;
import dev.pce.engine.service.ClaimResult;
import dev.pce.engine.service.ClaimedTask;
import dev.pce.engine.service.EventQuery;
import dev.pce.engine.service.EventsPage;
import dev.pce.engine.service.PoolCounts;
import dev.pce.engine.service.ReviewOutcome;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.workflow.CompleteCommand;
import dev.pce.engine.workflow.FailCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Runs one planned workflow through the engine as its agents and a person would: plans it, claims and reports its
 * tasks pool by pool, fails the attempts the schedule says, lets a task overrun by moving the clock, reviews, judges
 * the gate on evidence files, decides what the rules escalate. After each call it reads what the call appended and
 * keeps the planted events with their sequence numbers: the truth the capture is measured against.
 */
final class WorkflowDriver {
    /** The steps of one process that drives: the engine to call now, told after each call that may append. */
    interface Engine {
        CaptureProcess process();

        void stepped();
    }

    private static final Duration LEASE = Duration.ofMinutes(60);
    private static final Duration VANISHED = LEASE.plusMinutes(1);
    private static final double MAX_WORK_MINUTES = 45;
    /** A pool with no tasks: its agent's claim hands out nothing, but finds the tasks running past their estimate. */
    private static final String OBSERVERS = "observers";
    private static final String PERSON = "lead";
    static final String RESOURCE = "resource conflict decided by the rules";

    private final Engine engine;
    private final ExperimentClock clock;
    private final PlannedWorkflow plan;
    private final Random random;
    private final Map<String, PlannedBuild> builds = new HashMap<>();
    private final Map<String, Integer> failedAttempts = new HashMap<>();
    private final Set<String> vanished = new HashSet<>();
    private final Set<String> overran = new HashSet<>();
    private final Map<String, Integer> reviewsOf = new HashMap<>();
    private final List<Kind> expected = new ArrayList<>();
    private final List<PlantedEvents.Planted> insights = new ArrayList<>();
    private final Map<Kind, Integer> missed = new EnumMap<>(Kind.class);
    private final Map<Long, String> routine = new LinkedHashMap<>();
    private final List<String> unplanned = new ArrayList<>();
    private String id;
    private long after;
    private int claims;
    private int failingTests;
    private long lastOutcome = -1;
    private boolean gateJudged;
    private boolean resourceDecided;

    WorkflowDriver(Engine engine, ExperimentClock clock, PlannedWorkflow plan) {
        this.engine = engine;
        this.clock = clock;
        this.plan = plan;
        this.random = new Random(plan.seed());
        plan.builds().forEach(build -> builds.put(build.id(), build));
    }

    /** Runs the workflow until it ends; returns what was planted. */
    PlantedEvents run() {
        id = workflows().plan("Capture experiment workflow " + plan.index(), tasks(), "planner").workflowId();
        appended();
        while (!status().phase().finished()) {
            if (!gateJudged && plan.gate() != Gate.NONE && onlyTheReleaseLeft()) {
                gateJudged = true;
                judgeGate();
            } else if (!claimAndAct()) {
                throw new IllegalStateException("Workflow " + plan.index() + " (" + id + ") is stuck: nothing to "
                        + "claim in " + status().pools() + ", tasks " + status().tasks().stream()
                        .map(task -> task.id() + "=" + task.status().wireName()).toList());
            }
        }
        if (lastOutcome < 0) {
            missed.merge(Kind.WORKFLOW_ENDED, 1, Integer::sum);
        } else {
            insights.add(new PlantedEvents.Planted(Kind.WORKFLOW_ENDED, lastOutcome));
        }
        return new PlantedEvents(id, insights, missed, routine, unplanned);
    }

    private List<TaskSpec> tasks() {
        List<TaskSpec> tasks = new ArrayList<>();
        tasks.add(TaskSpec.builder("design", "design").pool("planners").estimate(20).title("Design").build());
        List<String> reviews = new ArrayList<>();
        for (PlannedBuild build : plan.builds()) {
            boolean shared = plan.sharedFile() && (build.id().equals("build-1") || build.id().equals("build-2"));
            tasks.add(TaskSpec.builder(build.id(), "build").pool("builders").estimate(build.estimateMinutes())
                    .title("Build " + build.id()).dependsOn("design")
                    .writes(shared ? "src/Shared.java" : "src/" + build.id() + ".java").build());
            reviews.add("review-" + build.id() + "-a");
            if (build.panel() != Panel.SINGLE) {
                reviews.add("review-" + build.id() + "-b");
            }
        }
        for (String review : reviews) {
            String reviewed = review.substring("review-".length(), review.length() - 2);
            tasks.add(TaskSpec.builder(review, "review").pool("reviewers").estimate(10).title("Review " + reviewed)
                    .dependsOn(reviewed).build());
        }
        tasks.add(TaskSpec.builder("release", "release").pool("builders").estimate(15).title("Release")
                .dependsOn(reviews.toArray(String[]::new)).build());
        return tasks;
    }

    /** Claims in each pool until a task is handed out, and does it; false when no pool had one. */
    private boolean claimAndAct() {
        for (PoolCounts pool : status().pools()) {
            String agent = pool.pool() + "-" + ++claims; // two reviews of one task need two reviewers
            ClaimResult claim = workflows().claim(id, pool.pool(), agent, Optional.empty(), LEASE);
            appended();
            if (claim.task().isPresent()) {
                act(new Claimed(claim.task().get(), agent));
                return true;
            }
        }
        return false;
    }

    /** A task handed out, and the agent it was handed to. */
    private record Claimed(ClaimedTask task, String agent) {
        TaskSpec spec() {
            return task.spec();
        }

        String claimId() {
            return task.claimId();
        }
    }

    private void act(Claimed task) {
        String taskId = task.spec().id();
        switch (task.spec().kind()) {
            case "build" -> build(task);
            case "review" -> review(task);
            case "release" -> {
                work(task);
                if (plan.fails()) {
                    fail(task, "Release failed: the registry refused the artifact", false);
                } else {
                    complete(task);
                }
            }
            default -> {
                work(task);
                complete(task); // the design, and the remediation tasks a failed gate added
            }
        }
        if (plan.personOverrules() && !resourceDecided && taskId.startsWith("build-")) {
            overruleResourceDecision();
        }
    }

    private void build(Claimed task) {
        String taskId = task.spec().id();
        Optional<PlannedBuild> planned = Optional.ofNullable(builds.get(taskId)); // rework has no plan of its own
        if (planned.isPresent() && planned.get().vanishes() && vanished.add(taskId)) {
            clock.advance(VANISHED); // its agent is gone; the next claim finds the lease ran out
            return;
        }
        int failed = failedAttempts.getOrDefault(taskId, 0);
        if (planned.isPresent() && failed < planned.get().failures().size()) {
            failedAttempts.put(taskId, failed + 1);
            work(task);
            fail(task, planned.get().failures().get(failed), true);
            return;
        }
        if (planned.isPresent() && planned.get().overrun() && overran.add(taskId)) {
            double estimate = task.spec().estimateMinutes();
            clock.advance(minutes(2 * estimate + 1 + random.nextInt(5))); // past the rules' factor 2 for builds
            expect(Kind.OVERRUN);
            workflows().claim(id, OBSERVERS, "observer", Optional.empty(), LEASE);
            appended();
        } else {
            work(task);
        }
        complete(task);
    }

    private void review(Claimed task) {
        String taskId = task.spec().id();
        work(task);
        if (taskId.contains("-again-")) {
            reviewed(task, ReviewVerdict.APPROVE); // the review of rework: one reviewer
            return;
        }
        String build = taskId.substring("review-".length(), taskId.length() - 2);
        int done = reviewsOf.merge(build, 1, Integer::sum);
        PlannedBuild planned = builds.get(build);
        if (done == 1 || planned.panel() != Panel.SPLIT) {
            reviewed(task, ReviewVerdict.APPROVE); // one reviewer, or a second who agrees: the rules approve
            return;
        }
        expect(Kind.CONFLICT_ESCALATED);
        ReviewOutcome outcome = reviewed(task, ReviewVerdict.REJECT); // tests approved by one, rejected by the other
        if (outcome.decision() == QualityDecision.ESCALATE && outcome.conflictId().isPresent()) {
            expect(Kind.CONFLICT_OVERRIDDEN);
            workflows().resolve(id, outcome.conflictId().get(), planned.personApproves() ? "approve"
                    : "request_changes", planned.personApproves() ? "the failing test is flaky, tracked apart"
                    : "the rejected test shows a real defect", PERSON);
            appended();
        }
    }

    private ReviewOutcome reviewed(Claimed task, ReviewVerdict verdict) {
        ReviewOutcome outcome = workflows().review(id, task.spec().id(), task.claimId(), task.agent(),
                List.of(new DimensionReview(Dimension.TESTS, verdict, List.of())), "reviewed");
        appended();
        return outcome;
    }

    /** A person overrules the rules' first decision on the shared file (who goes first). */
    private void overruleResourceDecision() {
        Optional<Long> decision = routine.entrySet().stream().filter(entry -> entry.getValue().equals(RESOURCE))
                .map(Map.Entry::getKey).findFirst();
        if (decision.isEmpty()) {
            return;
        }
        resourceDecided = true;
        Event event = workflows().events(new EventQuery(id, decision.get() - 1, Set.of(), Optional.empty(),
                Optional.empty(), 1)).events().getFirst();
        expect(Kind.CONFLICT_OVERRIDDEN);
        workflows().resolve(id, ((ConflictResolved) event.payload()).conflictId(), "overrule",
                "build-2 holds the schema change the other build needs first", PERSON);
        appended();
    }

    /** Reports the evidence files (failing as planned) and clean scans, and judges the gate before the release. */
    private void judgeGate() {
        boolean fails = plan.gate() == Gate.FAIL || plan.gate() == Gate.FAIL_TWICE;
        reportEvidence(fails);
        int judgements = plan.gate() == Gate.FAIL_TWICE ? 2 : 1;
        for (int i = 0; i < judgements; i++) {
            if (i > 0) {
                reportEvidence(true); // other tests fail now: a second verdict, not the first again
            }
            if (fails) {
                expect(Kind.GATE_FAILED);
            }
            workflows().evaluateGate(id, "ci", Optional.of(ProjectType.LIBRARY));
            appended();
        }
        if (fails) {
            reportEvidence(false); // fixed: the gate judged again passes
            workflows().evaluateGate(id, "ci", Optional.of(ProjectType.LIBRARY));
            appended();
        }
    }

    private void reportEvidence(boolean failing) {
        Path dir = engine.process().project().resolve("evidence").resolve(id);
        failingTests = failing ? failingTests + 1 + random.nextInt(2) : 0; // each failing report fails more
        int failures = failingTests;
        int covered = failing && random.nextBoolean() ? 55 + random.nextInt(15) : 85 + random.nextInt(10);
        try {
            Files.createDirectories(dir);
            Path junit = Files.writeString(dir.resolve("TEST-dev.example.StoreTest.xml"), EvidenceFiles.surefire(
                    20, failures));
            Path jacoco = Files.writeString(dir.resolve("jacoco.xml"), EvidenceFiles.jacoco(covered));
            workflows().reportEvidenceFiles(id, List.of(junit.toString(), jacoco.toString()),
                    engine.process().evidence(), "evidence", "ci", Cancellation.none());
            appended();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evidence files under " + dir, e);
        }
        String source = "agent:scanner";
        workflows().reportEvidence(id, new EvidenceReported(source + ":lint", List.of(
                new Measurement(Dimension.LINT, "lint.critical", 0, source),
                new Measurement(Dimension.LINT, "lint.high", 0, source)), List.of(), List.of(), List.of()), "scanner");
        appended();
        workflows().reportEvidence(id, new EvidenceReported(source + ":security", List.of(
                new Measurement(Dimension.SECURITY, "security.critical", 0, source),
                new Measurement(Dimension.SECURITY, "security.high", 0, source),
                new Measurement(Dimension.SECURITY, "security.medium", 0, source)), List.of(), List.of(),
                List.of()), "scanner");
        appended();
    }

    private void work(Claimed task) {
        double minutes = Math.min(MAX_WORK_MINUTES, task.spec().estimateMinutes() * (0.3 + 0.6 * random.nextDouble()));
        clock.advance(minutes(minutes));
    }

    private void complete(Claimed task) {
        workflows().complete(id, new CompleteCommand(task.spec().id(), task.claimId(), task.agent(), "done",
                List.of(), NullNode.getInstance()));
        appended();
    }

    private void fail(Claimed task, String reason, boolean retryable) {
        expect(Kind.TASK_FAILED);
        workflows().fail(id, new FailCommand(task.spec().id(), task.claimId(), task.agent(), reason, retryable));
        appended();
    }

    private boolean onlyTheReleaseLeft() {
        List<TaskView> open = status().tasks().stream().filter(task -> task.status() != TaskStatus.DONE).toList();
        return open.size() == 1 && open.getFirst().id().equals("release") && open.getFirst().status() == TaskStatus.READY;
    }

    private void expect(Kind kind) {
        expected.add(kind);
    }

    /** Reads what the last call appended: the planted events it was expected to cause, and the routine ones. */
    private void appended() {
        engine.stepped();
        EventsPage page;
        do {
            page = workflows().events(new EventQuery(id, after, Set.of(), Optional.empty(), Optional.empty(), 1_000));
            page.events().forEach(this::read);
            after = page.nextAfter();
        } while (page.hasMore());
        expected.forEach(kind -> missed.merge(kind, 1, Integer::sum));
        expected.clear();
    }

    private void read(Event event) {
        after = Math.max(after, event.seq());
        Optional<Kind> insight = switch (event.payload()) {
            case TaskFailed ignored -> {
                lastOutcome = event.seq();
                yield Optional.of(Kind.TASK_FAILED);
            }
            case TaskCompleted ignored -> {
                lastOutcome = event.seq();
                yield Optional.empty();
            }
            case GateEvaluated gate -> {
                if (!gate.blocking()) {
                    routine.put(event.seq(), "gate passed");
                }
                yield gate.blocking() ? Optional.of(Kind.GATE_FAILED) : Optional.empty();
            }
            case ConflictOverridden ignored -> Optional.of(Kind.CONFLICT_OVERRIDDEN);
            case ConflictResolved resolved -> conflict(event, resolved);
            case LeaseExpired ignored -> {
                routine.put(event.seq(), "lease expired");
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
        insight.ifPresent(kind -> {
            if (expected.remove(kind)) {
                insights.add(new PlantedEvents.Planted(kind, event.seq()));
            } else {
                unplanned.add(kind.wireName() + "@" + event.seq());
            }
        });
    }

    private Optional<Kind> conflict(Event event, ConflictResolved resolved) {
        return switch (resolved.resolution()) {
            case QualityResolution quality when quality.decision() == QualityDecision.ESCALATE ->
                    Optional.of(Kind.CONFLICT_ESCALATED);
            case TimelineResolution timeline when timeline.decision() == TimelineDecision.RESCHEDULE ->
                    Optional.of(Kind.OVERRUN);
            case QualityResolution ignored -> {
                routine.put(event.seq(), "review decided by the rules");
                yield Optional.empty();
            }
            case TimelineResolution ignored -> {
                routine.put(event.seq(), "timeline on track");
                yield Optional.empty();
            }
            default -> {
                routine.put(event.seq(), RESOURCE);
                yield Optional.empty();
            }
        };
    }

    private WorkflowStatus status() {
        return workflows().status(id);
    }

    private WorkflowService workflows() {
        return engine.process().workflows();
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
