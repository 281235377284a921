package dev.pce.engine.learning;

import dev.pce.engine.Elapsed;
import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Resolution;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.ReviewReported;
import dev.pce.engine.event.TaskClaimed;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.learning.LearningReport.ConflictOutcome;
import dev.pce.engine.learning.LearningReport.ConflictOverride;
import dev.pce.engine.learning.LearningReport.EscalationDecisions;
import dev.pce.engine.learning.LearningReport.EstimateAccuracy;
import dev.pce.engine.learning.LearningReport.FailureCause;
import dev.pce.engine.learning.LearningReport.GateFailure;
import dev.pce.engine.learning.LearningReport.ReworkLoop;
import dev.pce.engine.learning.LearningReport.ReworkTrigger;
import dev.pce.engine.learning.LearningReport.ThresholdOutcome;
import dev.pce.engine.model.TaskSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a finished (or running) workflow's events into a {@link LearningReport}. A pure function of the events: it
 * needs no state, rules or clock, so it can run on any stored log, and events it does not know are skipped.
 */
public final class WorkflowLearning {
    /**
     * The least an attempt counts for: a minute, or its estimate when that is shorter. An agent that completes in
     * seconds what was planned in minutes did the bookkeeping, not the work (or found nothing to do); its seconds
     * would teach a factor of 1/300, not how long such work takes.
     */
    public static final double MIN_ATTEMPT_MINUTES = 1;
    private static final String REVIEW_CAUSE = "review:";
    private static final String GATE_CAUSE = "gate:";
    /** The gate rule that applies threshold adjustments: a criterion it decided shows no rule's own threshold. */
    static final String ADJUSTING_RULE = "learned-threshold";
    /** A person's decisions of an escalated review ({@code ce_resolve}). */
    private static final String APPROVE = "approve";
    private static final String REQUEST_CHANGES = "request_changes";

    private WorkflowLearning() {
    }

    /** The report of {@code events} (one workflow's log, in sequence order). */
    public static LearningReport report(String workflowId, List<Event> events) {
        return new Reader(events).report(workflowId);
    }

    /** One pass over the log, keeping what later events refer back to. */
    private static final class Reader {
        private final Map<String, TaskSpec> tasks = new HashMap<>();
        private final Map<String, Claim> claims = new HashMap<>();
        private final Map<String, List<Double>> ratiosByKindAndPool = new TreeMap<>();
        private final Map<List<String>, int[]> failures = new TreeMap<>(WorkflowLearning::compareKeys);
        private final Map<String, GateTally> gateFailures = new TreeMap<>();
        private final Map<List<String>, int[]> conflicts = new TreeMap<>(WorkflowLearning::compareKeys);
        private final Map<List<String>, int[]> overrides = new TreeMap<>(WorkflowLearning::compareKeys);
        private final Map<String, String> conflictKinds = new HashMap<>();
        /** The objecting verdicts each review task reported, with their findings, for the rework it causes. */
        private final Map<String, List<DimensionReview>> reviewObjections = new HashMap<>();
        private final List<ReworkLoop> rework = new ArrayList<>();
        /** Remediation tasks per gate waiting for the gate.evaluated that follows their tasks_added. */
        private final Map<String, List<TaskSpec>> pendingRemediation = new LinkedHashMap<>();

        private record Claim(String taskId, String pool, Instant at) {
        }

        private record GateTally(Dimension dimension, String metric, int[] count, Set<String> gates) {
        }

        /** A gate criterion that passed with a measured value, at the {@code at}-th event. */
        private record Pass(int at, ProjectType projectType, Dimension dimension, String metric,
                            Comparison comparison, double threshold, boolean adjusted) {
        }

        /** Trouble on a dimension at the {@code at}-th event: an unmet gate criterion, or review rework. */
        private record Trouble(int at, Dimension dimension) {
        }

        private final List<Pass> passes = new ArrayList<>();
        private final List<Trouble> troubles = new ArrayList<>();
        /** The situation of each quality conflict escalated to a person, by conflict id. */
        private final Map<String, String> escalated = new HashMap<>();
        /** Per situation: approved, sent back for changes. */
        private final Map<String, int[]> escalationDecisions = new TreeMap<>();
        private int at;

        Reader(List<Event> events) {
            for (Event event : events) {
                at++;
                read(event);
            }
            // remediation whose gate.evaluated is missing (a log cut short) still counts as gate rework
            pendingRemediation.forEach((gate, added) -> added.forEach(task ->
                    rework.add(gateLoop(gate, task, List.of()))));
        }

        private void read(Event event) {
            switch (event.payload()) {
                case WorkflowPlanned planned -> planned.tasks().forEach(task -> tasks.put(task.id(),
                        task.withEstimate(planned.plannedEstimate(task))));
                case TasksAdded added -> tasksAdded(added);
                // an edit's new and changed tasks are learned as the plan now has them
                case PlanEdited edited -> {
                    edited.added().forEach(task -> tasks.put(task.id(), task));
                    edited.changed().forEach(task -> tasks.put(task.id(), task));
                }
                case TaskClaimed claimed -> claims.put(claimed.claimId(),
                        new Claim(claimed.taskId(), claimed.pool(), event.time()));
                case TaskCompleted completed -> completed(completed, event.time());
                case TaskFailed failed -> failed(failed);
                case GateEvaluated gate -> gateEvaluated(gate);
                case ReviewReported review -> reviewReported(review);
                case ConflictResolved resolved -> conflictResolved(resolved);
                case ConflictOverridden overridden -> conflictOverridden(overridden);
                default -> {
                    // progress, leases, evidence: nothing to learn from them yet
                }
            }
        }

        private void tasksAdded(TasksAdded added) {
            added.tasks().forEach(task -> tasks.put(task.id(), task));
            if (added.cause().startsWith(REVIEW_CAUSE)) {
                reviewRework(added.cause(), added.tasks());
            } else if (added.cause().startsWith(GATE_CAUSE)) {
                pendingRemediation.computeIfAbsent(added.cause().substring(GATE_CAUSE.length()),
                        gate -> new ArrayList<>()).addAll(added.tasks());
            }
        }

        /**
         * The rework of a review: each added task that reworks a known task (id "&lt;task&gt;-rework", as
         * ce_review names them) is one loop of that original task; the re-review is not. Each loop is on the
         * objections its task answers for ({@link ReworkAttribution}); on {@code review} when the review reported
         * no objecting dimension.
         */
        private void reviewRework(String cause, List<TaskSpec> added) {
            String reviewTaskId = cause.substring(REVIEW_CAUSE.length());
            List<DimensionReview> objections = reviewObjections.getOrDefault(reviewTaskId, List.of());
            List<TaskSpec> originals = added.stream().map(task -> originalOf(task.id())).flatMap(Optional::stream)
                    .toList();
            Map<String, List<Dimension>> attributed = ReworkAttribution.of(objections, originals);
            for (TaskSpec original : originals) {
                ReworkLoop loop = new ReworkLoop(ReworkTrigger.REVIEW, cause, original.id(), original.kind(),
                        original.writes(), objections.isEmpty() ? List.of(Dimension.REVIEW)
                        : attributed.get(original.id()));
                rework.add(loop);
                loop.dimensions().forEach(dimension -> troubles.add(new Trouble(at, dimension)));
            }
        }

        private Optional<TaskSpec> originalOf(String reworkId) {
            String id = reworkId.replaceAll("(-rework(-\\d+)?)+$", "");
            return id.equals(reworkId) ? Optional.empty() : Optional.ofNullable(tasks.get(id));
        }

        private void completed(TaskCompleted completed, Instant at) {
            Claim claim = claims.get(completed.claimId());
            TaskSpec task = tasks.get(completed.taskId());
            if (claim == null || task == null || task.estimateMinutes() <= 0) {
                return; // no start to measure from, or nothing to compare with
            }
            double actualMinutes = Math.max(Elapsed.minutes(claim.at(), at),
                    Math.min(task.estimateMinutes(), MIN_ATTEMPT_MINUTES));
            String pool = claim.pool() == null || claim.pool().isEmpty() ? task.pool() : claim.pool();
            ratiosByKindAndPool.computeIfAbsent(task.kind() + "\u0000" + pool, key -> new ArrayList<>())
                    .add(actualMinutes / task.estimateMinutes());
        }

        private void failed(TaskFailed failed) {
            String kind = Optional.ofNullable(tasks.get(failed.taskId())).map(TaskSpec::kind).orElse("unknown");
            int[] tally = count(failures, List.of(kind, groupedReason(failed.reason())));
            tally[1] += failed.willRetry() ? 1 : 0;
        }

        private void gateEvaluated(GateEvaluated gate) {
            List<CriterionResult> notPassed = gate.criteria().stream().filter(CriterionResult::unmet).toList();
            Optional<ProjectType> type = projectType(gate.projectType());
            for (CriterionResult criterion : gate.criteria()) {
                if (criterion.passed() && criterion.measured().isPresent() && type.isPresent()) {
                    passes.add(new Pass(at, type.get(), criterion.dimension(), criterion.metric(),
                            criterion.comparison(), criterion.threshold(), criterion.rule().equals(ADJUSTING_RULE)));
                }
            }
            for (CriterionResult criterion : notPassed) {
                troubles.add(new Trouble(at, criterion.dimension()));
                GateTally tally = gateFailures.computeIfAbsent(
                        criterion.dimension().wireName() + "\u0000" + criterion.metric(),
                        key -> new GateTally(criterion.dimension(), criterion.metric(), new int[1], new TreeSet<>()));
                tally.count()[0]++;
                tally.gates().add(gate.gate());
            }
            List<TaskSpec> remediation = pendingRemediation.remove(gate.gate());
            if (remediation != null) {
                List<Dimension> dimensions = notPassed.stream().map(CriterionResult::dimension).distinct().toList();
                remediation.forEach(task -> rework.add(gateLoop(gate.gate(), task, dimensions)));
            }
        }

        private static Optional<ProjectType> projectType(String name) {
            try {
                return Optional.of(ProjectType.parse(name));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a type of a newer PCE: its thresholds are not this version's to learn
            }
        }

        private void conflictOverridden(ConflictOverridden overridden) {
            count(overrides, List.of(conflictKinds.getOrDefault(overridden.conflictId(), "unknown"),
                    overridden.decision()));
            String situation = escalated.get(overridden.conflictId());
            if (situation != null && (overridden.decision().equals(APPROVE)
                    || overridden.decision().equals(REQUEST_CHANGES))) {
                escalationDecisions.computeIfAbsent(situation, key -> new int[2])
                        [overridden.decision().equals(APPROVE) ? 0 : 1]++;
            }
        }

        /**
         * Per project type and metric, the passes and how many of them trouble on their dimension followed (later
         * in the workflow: a later gate's unmet criterion, or review rework).
         */
        private List<ThresholdOutcome> thresholdOutcomes() {
            Map<String, List<Pass>> byMetric = new TreeMap<>();
            passes.forEach(pass -> byMetric.computeIfAbsent(pass.projectType().wireName() + "\u0000" + pass.metric(),
                    key -> new ArrayList<>()).add(pass));
            List<ThresholdOutcome> outcomes = new ArrayList<>();
            byMetric.values().forEach(metricPasses -> {
                Pass last = metricPasses.getLast();
                int troubled = (int) metricPasses.stream().filter(pass -> troubles.stream().anyMatch(trouble ->
                        trouble.at() > pass.at() && trouble.dimension() == pass.dimension())).count();
                OptionalDouble rulesThreshold = metricPasses.stream().filter(pass -> !pass.adjusted())
                        .mapToDouble(Pass::threshold).reduce((first, second) -> second);
                outcomes.add(new ThresholdOutcome(last.projectType(), last.dimension(), last.metric(),
                        last.comparison(), last.threshold(), rulesThreshold, metricPasses.size(), troubled));
            });
            return outcomes;
        }

        private ReworkLoop gateLoop(String gate, TaskSpec task, List<Dimension> dimensions) {
            return new ReworkLoop(ReworkTrigger.GATE, GATE_CAUSE + gate, task.id(), task.kind(), task.writes(),
                    dimensions.isEmpty() ? List.of(Dimension.REVIEW) : dimensions);
        }

        private void reviewReported(ReviewReported review) {
            List<DimensionReview> objecting = reviewObjections.computeIfAbsent(review.reviewTaskId(),
                    id -> new ArrayList<>());
            review.reviews().stream().filter(r -> r.verdict().objects()).forEach(objecting::add);
        }

        private void conflictResolved(ConflictResolved resolved) {
            Resolution resolution = resolved.resolution();
            String kind = resolution.kind().wireName();
            conflictKinds.put(resolved.conflictId(), kind);
            String decision = switch (resolution) {
                case ResourceResolution resource -> resource.losers().isEmpty() ? "proceed" : "wait";
                case QualityResolution quality -> quality.decision().wireName();
                case TimelineResolution timeline -> timeline.decision().wireName();
            };
            count(conflicts, List.of(kind, decision));
            if (resolution instanceof QualityResolution quality && quality.decision() == QualityDecision.ESCALATE
                    && !quality.situation().isEmpty()) {
                escalated.put(resolved.conflictId(), quality.situation());
            }
        }

        LearningReport report(String workflowId) {
            List<EstimateAccuracy> estimates = new ArrayList<>();
            ratiosByKindAndPool.forEach((key, ratios) -> {
                String[] parts = key.split("\u0000", 2);
                estimates.add(new EstimateAccuracy(parts[0], parts[1], RatioStats.of(ratios), ratios));
            });
            List<FailureCause> failureCauses = new ArrayList<>();
            failures.forEach((key, tally) -> failureCauses.add(
                    new FailureCause(key.get(0), key.get(1), tally[0], tally[1])));
            List<GateFailure> gates = gateFailures.values().stream().map(tally -> new GateFailure(tally.dimension(),
                    tally.metric(), tally.count()[0], List.copyOf(tally.gates()))).toList();
            List<ConflictOutcome> conflictOutcomes = new ArrayList<>();
            conflicts.forEach((key, tally) -> conflictOutcomes.add(
                    new ConflictOutcome(key.get(0), key.get(1), tally[0])));
            List<ConflictOverride> overridden = new ArrayList<>();
            overrides.forEach((key, tally) -> overridden.add(new ConflictOverride(key.get(0), key.get(1), tally[0])));
            List<EscalationDecisions> decisions = new ArrayList<>();
            escalationDecisions.forEach((situation, tally) -> decisions.add(
                    new EscalationDecisions(situation, tally[0], tally[1])));
            return new LearningReport(workflowId, estimates, failureCauses, gates, conflictOutcomes, overridden,
                    rework, thresholdOutcomes(), decisions);
        }
    }

    /** Increments the tally of {@code key} (slot 0 counts; further slots are the caller's) and returns it. */
    private static int[] count(Map<List<String>, int[]> tallies, List<String> key) {
        int[] tally = tallies.computeIfAbsent(key, k -> new int[2]);
        tally[0]++;
        return tally;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byPart = a.get(i).compareTo(b.get(i));
            if (byPart != 0) {
                return byPart;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * A failure reason reduced so that the same cause groups together: "Tests failed: 3 of 120" and "tests failed:
     * 5 of 118" become "tests failed: # of #".
     */
    public static String groupedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "(no reason given)";
        }
        String firstLine = reason.strip().lines().findFirst().orElse("");
        String grouped = firstLine.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
        return grouped.length() > 120 ? grouped.substring(0, 120) : grouped;
    }
}
