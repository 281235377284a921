package dev.pce.engine.learning.insight;

import dev.pce.engine.gate.CriterionResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something in a workflow's log worth a note of its own, so the next workflow can learn from it: the set of insight
 * events PCE captures without being asked. Each is found in one event of the log ({@link #seq()}) and has an
 * identity ({@link #key()}): the events of one workflow with the same key share one note, which counts them.
 *
 * <p>Routine decisions are not insights: a resource conflict (one task waits for another writing the same file), a
 * review that approves or asks for changes by the rules, a gate that passes, a lease that ran out.
 */
public sealed interface InsightEvent {

    /** The sequence number of the event it was found in. */
    long seq();

    Instant time();

    /** The kind, as measurements and the notes' front matter name it. */
    Kind kind();

    /** Events with the same key, in one workflow, are one insight: one note. */
    String key();

    /** The tasks it concerns. */
    List<String> tasks();

    /** The kinds of insight event, with their wire names. */
    enum Kind {
        WORKFLOW_ENDED("workflow.ended"),
        TASK_FAILED("task.failed"),
        GATE_FAILED("gate.failed"),
        CONFLICT_ESCALATED("conflict.escalated"),
        CONFLICT_OVERRIDDEN("conflict.overridden"),
        OVERRUN("task.overrun");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * The workflow ended: every task done ({@code completed}), or a task failed for good and nothing else can run.
     * Found in the last task outcome of a log whose workflow is finished; one per workflow.
     *
     * @param taskCount            the tasks planned and added
     * @param makespanMinutes      from the plan to this event
     * @param criticalPathMinutes  the longest chain of the tasks' estimates: the makespan with unlimited agents
     */
    record WorkflowEnded(long seq, Instant time, String goal, boolean completed, int taskCount,
                         double makespanMinutes, double criticalPathMinutes) implements InsightEvent {
        public WorkflowEnded {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(goal, "goal");
        }

        @Override
        public Kind kind() {
            return Kind.WORKFLOW_ENDED;
        }

        @Override
        public String key() {
            return "ended";
        }

        @Override
        public List<String> tasks() {
            return List.of();
        }
    }

    /**
     * An attempt at a task failed ({@code task.failed}), retried or for good. Failures of one kind of task for the
     * same cause (the reason reduced as learning groups it: digits as {@code #}) are one insight.
     *
     * @param cause the reason reduced: first line, lower case, digits as {@code #}
     */
    record TaskFailure(long seq, Instant time, String taskId, String taskKind, String reason, String cause,
                       boolean willRetry) implements InsightEvent {
        public TaskFailure {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(taskKind, "taskKind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public Kind kind() {
            return Kind.TASK_FAILED;
        }

        @Override
        public String key() {
            return "failure:" + taskKind + ":" + cause;
        }

        @Override
        public List<String> tasks() {
            return List.of(taskId);
        }
    }

    /**
     * A quality gate blocked ({@code gate.evaluated} with {@code blocking}). Every failing evaluation of one gate
     * is one insight.
     *
     * @param unmet       the criteria that failed, could not be read or were required and not measured
     * @param remediation the tasks added to make it pass
     * @param evidence    the evidence files reported before it that feed the dimensions of the unmet criteria
     */
    record GateFailure(long seq, Instant time, String gate, int wave, String projectType,
                       List<CriterionResult> unmet, List<String> remediation, List<String> evidence)
            implements InsightEvent {
        public GateFailure {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(projectType, "projectType");
            unmet = List.copyOf(unmet);
            remediation = List.copyOf(remediation);
            evidence = List.copyOf(evidence);
        }

        @Override
        public Kind kind() {
            return Kind.GATE_FAILED;
        }

        @Override
        public String key() {
            return "gate:" + gate;
        }

        @Override
        public List<String> tasks() {
            return remediation;
        }
    }

    /**
     * The reviews of a task did not decide it, so a person must ({@code conflict.resolved}, quality, escalate). It
     * shares its note with the person's decision on the same conflict.
     */
    record ConflictEscalated(long seq, Instant time, String conflictId, String taskId, List<String> approvers,
                             List<String> objectors, String rule, String reason) implements InsightEvent {
        public ConflictEscalated {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(conflictId, "conflictId");
            Objects.requireNonNull(taskId, "taskId");
            approvers = List.copyOf(approvers);
            objectors = List.copyOf(objectors);
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.CONFLICT_ESCALATED;
        }

        @Override
        public String key() {
            return "conflict:" + conflictId;
        }

        @Override
        public List<String> tasks() {
            return List.of(taskId);
        }
    }

    /**
     * A person decided a conflict ({@code conflict.overridden}): an escalated review, or a rule's decision they
     * overruled.
     *
     * @param conflictKind the kind of the conflict decided (resource, quality, timeline), "unknown" when its
     *                     decision is not in the log
     * @param person       who decided (the event's source)
     */
    record ConflictOverridden(long seq, Instant time, String conflictId, String conflictKind, List<String> tasks,
                              String decision, String reason, String person) implements InsightEvent {
        public ConflictOverridden {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(conflictId, "conflictId");
            Objects.requireNonNull(conflictKind, "conflictKind");
            tasks = List.copyOf(tasks);
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(person, "person");
        }

        @Override
        public Kind kind() {
            return Kind.CONFLICT_OVERRIDDEN;
        }

        @Override
        public String key() {
            return "conflict:" + conflictId;
        }
    }

    /**
     * A running task ran so far past its estimate that the rules rescheduled it ({@code conflict.resolved},
     * timeline, reschedule). The overruns of one kind of task are one insight.
     */
    record Overrun(long seq, Instant time, String taskId, String taskKind, double estimateMinutes,
                   double elapsedMinutes, double proposedEstimateMinutes, String suggestion, String rule)
            implements InsightEvent {
        public Overrun {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(taskKind, "taskKind");
            Objects.requireNonNull(suggestion, "suggestion");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public Kind kind() {
            return Kind.OVERRUN;
        }

        @Override
        public String key() {
            return "overrun:" + taskKind;
        }

        @Override
        public List<String> tasks() {
            return List.of(taskId);
        }
    }
}
