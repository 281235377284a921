package dev.pce.engine.learning;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.ProjectType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one finished workflow's history says about planning and quality: how good the estimates were, why tasks
 * failed, which gate criteria failed, how conflicts were decided and which work had to be redone. Every list is in
 * a stable order (sorted by its key), so two reports of the same history are equal.
 *
 * @param workflowId  the workflow the events belong to
 * @param thresholds  per project type and metric, the gate criteria that passed and what followed them
 * @param escalations per situation, how persons decided the review conflicts that were escalated to them
 */
public record LearningReport(String workflowId, List<EstimateAccuracy> estimates, List<FailureCause> failures,
                             List<GateFailure> gateFailures, List<ConflictOutcome> conflicts,
                             List<ConflictOverride> overrides, List<ReworkLoop> rework,
                             List<ThresholdOutcome> thresholds, List<EscalationDecisions> escalations) {

    /** A report without threshold outcomes or escalation decisions. */
    public LearningReport(String workflowId, List<EstimateAccuracy> estimates, List<FailureCause> failures,
                          List<GateFailure> gateFailures, List<ConflictOutcome> conflicts,
                          List<ConflictOverride> overrides, List<ReworkLoop> rework) {
        this(workflowId, estimates, failures, gateFailures, conflicts, overrides, rework, List.of(), List.of());
    }

    public LearningReport {
        Objects.requireNonNull(workflowId, "workflowId");
        estimates = List.copyOf(estimates);
        failures = List.copyOf(failures);
        gateFailures = List.copyOf(gateFailures);
        conflicts = List.copyOf(conflicts);
        overrides = List.copyOf(overrides);
        rework = List.copyOf(rework);
        thresholds = List.copyOf(thresholds);
        escalations = List.copyOf(escalations);
    }

    /**
     * The successful attempts of one kind in one pool against their estimates.
     *
     * @param ratios the actual/estimated ratio of every successful attempt, in completion order (kept so several
     *               pools of one kind can be pooled)
     */
    public record EstimateAccuracy(String kind, String pool, RatioStats stats, List<Double> ratios) {
        public EstimateAccuracy {
            ratios = List.copyOf(ratios);
        }
    }

    /**
     * Failed attempts of one kind that gave the same reason.
     *
     * @param reason the reason as grouped: first line, lower case, whitespace collapsed, digits as '#'
     * @param retried how many of them went back to the pool (the rest failed for good)
     */
    public record FailureCause(String kind, String reason, int count, int retried) {
    }

    /**
     * Gate criteria on one dimension and metric that did not pass.
     *
     * @param gates the gates they failed in ("wave-1", "pr"), sorted, without duplicates
     */
    public record GateFailure(Dimension dimension, String metric, int count, List<String> gates) {
        public GateFailure {
            gates = List.copyOf(gates);
        }
    }

    /**
     * Conflicts of one kind decided the same way.
     *
     * @param kind     resource, quality, timeline
     * @param decision resource: "proceed" (nothing overlapped) or "wait"; quality and timeline: the decision's wire
     *                 name ("changes_required", "reschedule")
     */
    public record ConflictOutcome(String kind, String decision, int count) {
    }

    /**
     * Conflicts a person decided themselves.
     *
     * @param kind the kind of the conflict they overrode; "unknown" when the history does not say
     */
    public record ConflictOverride(String kind, String decision, int count) {
    }

    /** What sent work back. */
    public enum ReworkTrigger {
        REVIEW, GATE
    }

    /**
     * Work added because a review asked for changes or a gate failed.
     *
     * @param cause      the recorded cause: "review:&lt;review task&gt;" or "gate:&lt;gate&gt;"
     * @param taskId     for a review, the reworked (original) task; for a gate, the remediation task
     * @param kind       that task's kind
     * @param writes     the files that task writes
     * @param dimensions the dimensions that failed: the objecting verdicts of the review, or the gate's criteria
     *                   that did not pass; {@code review} when the history names none
     */
    public record ReworkLoop(ReworkTrigger trigger, String cause, String taskId, String kind, List<String> writes,
                             List<Dimension> dimensions) {
        public ReworkLoop {
            writes = List.copyOf(writes);
            dimensions = List.copyOf(dimensions);
        }

        /** The review task that asked for the changes; empty for a gate's remediation. */
        public Optional<String> reviewTaskId() {
            return trigger == ReworkTrigger.REVIEW ? Optional.of(cause.substring(cause.indexOf(':') + 1))
                    : Optional.empty();
        }
    }

    /**
     * The passes of the gate criteria on one metric in projects of one type, and whether trouble on the metric's
     * dimension followed each: a later gate's unmet criterion on the dimension, or review rework on it.
     *
     * @param threshold      the threshold in force at the last pass
     * @param rulesThreshold the threshold a gate rule set (not an adjustment), when some pass shows it
     * @param passes         the criteria that passed with a measured value
     * @param troubled       how many of them trouble on the dimension followed later in the workflow
     */
    public record ThresholdOutcome(ProjectType projectType, Dimension dimension, String metric,
                                   Comparison comparison, double threshold, OptionalDouble rulesThreshold,
                                   int passes, int troubled) {
    }

    /**
     * Escalated review conflicts of one situation that a person decided.
     *
     * @param situation       the {@link dev.pce.engine.conflict.QualitySituation} signature
     * @param approved        how many the person approved
     * @param changesRequired how many they sent back for changes
     */
    public record EscalationDecisions(String situation, int approved, int changesRequired) {
    }
}
