package dev.pce.engine.learning.insight;

import dev.pce.engine.Elapsed;
import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.Resolution;
import dev.pce.engine.conflict.ResourceResolution;
import dev.pce.engine.conflict.TimelineDecision;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EvidenceReported;
import dev.pce.engine.event.GateEvaluated;
import dev.pce.engine.event.TaskCompleted;
import dev.pce.engine.event.TaskFailed;
import dev.pce.engine.event.PlanEdited;
import dev.pce.engine.event.TasksAdded;
import dev.pce.engine.event.WorkflowPlanned;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.WorkflowLearning;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.service.StatusReport;
import dev.pce.engine.service.WorkflowPhase;
import dev.pce.engine.workflow.WorkflowState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the insight events in a workflow's log. A pure function of the events (no clock, no rules, no store), so
 * it gives the same answer in every process and on every replay: what makes automatic capture idempotent.
 */
public final class InsightEvents {
    private static final String AGENT_REPORT = "agent:";

    private InsightEvents() {
    }

    /** The insight events of one workflow's log (all of it, in sequence order), in the order they happened. */
    public static List<InsightEvent> of(String workflowId, List<Event> events) {
        return new Reader(workflowId).read(events);
    }

    /** One pass over the log, keeping what later events refer back to. */
    private static final class Reader {
        private final WorkflowState state;
        private final Map<String, TaskSpec> tasks = new HashMap<>();
        /** The latest report of each evidence file, by its key: the dimensions it fed and its seq. */
        private final Map<String, Reported> evidence = new LinkedHashMap<>();
        private final Map<String, Resolution> conflicts = new HashMap<>();
        private final List<InsightEvent> found = new ArrayList<>();
        private Optional<Event> lastOutcome = Optional.empty();

        private record Reported(long seq, Set<Dimension> dimensions) {
        }

        Reader(String workflowId) {
            this.state = new WorkflowState(workflowId);
        }

        List<InsightEvent> read(List<Event> events) {
            for (Event event : events) {
                read(event);
            }
            state.applyAll(events);
            ended().ifPresent(found::add);
            return found;
        }

        private void read(Event event) {
            switch (event.payload()) {
                case WorkflowPlanned planned -> planned.tasks().forEach(task -> tasks.put(task.id(), task));
                case TasksAdded added -> added.tasks().forEach(task -> tasks.put(task.id(), task));
                case PlanEdited edited -> edited.added().forEach(task -> tasks.put(task.id(), task));
                case EvidenceReported report -> evidence.put(report.key(),
                        new Reported(event.seq(), dimensions(report)));
                case TaskFailed failed -> {
                    lastOutcome = Optional.of(event);
                    found.add(new InsightEvent.TaskFailure(event.seq(), event.time(), failed.taskId(),
                            kindOf(failed.taskId()), failed.reason(), WorkflowLearning.groupedReason(failed.reason()),
                            failed.willRetry()));
                }
                case TaskCompleted ignored -> lastOutcome = Optional.of(event);
                case GateEvaluated gate -> {
                    if (gate.blocking()) {
                        found.add(gateFailure(event, gate));
                    }
                }
                case ConflictResolved resolved -> conflictResolved(event, resolved);
                case ConflictOverridden overridden -> {
                    Resolution decided = conflicts.get(overridden.conflictId());
                    found.add(new InsightEvent.ConflictOverridden(event.seq(), event.time(),
                            overridden.conflictId(), decided == null ? "unknown" : decided.kind().wireName(),
                            decided == null ? List.of() : tasksOf(decided), overridden.decision(),
                            overridden.reason(), event.source()));
                }
                default -> {
                    // claims, progress, reviews, leases: routine, no insight of their own
                }
            }
        }

        private void conflictResolved(Event event, ConflictResolved resolved) {
            Resolution resolution = resolved.resolution();
            conflicts.put(resolved.conflictId(), resolution);
            if (resolution instanceof QualityResolution quality && quality.decision() == QualityDecision.ESCALATE) {
                found.add(new InsightEvent.ConflictEscalated(event.seq(), event.time(), resolved.conflictId(),
                        quality.taskId(), quality.approvers(), quality.objectors(), quality.rule(),
                        quality.reason()));
            } else if (resolution instanceof TimelineResolution timeline
                    && timeline.decision() == TimelineDecision.RESCHEDULE) {
                found.add(new InsightEvent.Overrun(event.seq(), event.time(), timeline.taskId(),
                        kindOf(timeline.taskId()), timeline.estimateMinutes(), timeline.elapsedMinutes(),
                        timeline.proposedEstimateMinutes(), timeline.suggestion(), timeline.rule()));
            }
        }

        private InsightEvent.GateFailure gateFailure(Event event, GateEvaluated gate) {
            List<CriterionResult> unmet = gate.criteria().stream().filter(CriterionResult::unmet).toList();
            Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
            unmet.forEach(criterion -> dimensions.add(criterion.dimension()));
            List<String> files = new ArrayList<>();
            evidence.forEach((key, reported) -> {
                if (!key.startsWith(AGENT_REPORT) && reported.seq() <= gate.evidenceSeq()
                        && reported.dimensions().stream().anyMatch(dimensions::contains)) {
                    files.add(key);
                }
            });
            return new InsightEvent.GateFailure(event.seq(), event.time(), gate.gate(), gate.wave(),
                    gate.projectType(), unmet, gate.remediationTasks(), files);
        }

        /** The workflow's end, when the whole log leaves it finished: found in its last task outcome. */
        private Optional<InsightEvent> ended() {
            if (lastOutcome.isEmpty() || !state.planned()) {
                return Optional.empty();
            }
            Event last = lastOutcome.get();
            WorkflowPhase phase = StatusReport.of(state, last.time()).phase();
            if (!phase.finished()) {
                return Optional.empty();
            }
            double criticalPath = state.tasks().stream().map(TaskState::id).mapToDouble(state::criticalPathMinutes)
                    .max().orElse(0);
            return Optional.of(new InsightEvent.WorkflowEnded(last.seq(), last.time(), state.goal(),
                    phase == WorkflowPhase.COMPLETED, state.taskCount(),
                    Elapsed.minutes(state.createdAt(), last.time()), criticalPath));
        }

        private String kindOf(String taskId) {
            TaskSpec task = tasks.get(taskId);
            return task == null ? "unknown" : task.kind();
        }

        private static List<String> tasksOf(Resolution resolution) {
            return switch (resolution) {
                case QualityResolution quality -> List.of(quality.taskId());
                case TimelineResolution timeline -> List.of(timeline.taskId());
                case ResourceResolution resource -> {
                    List<String> all = new ArrayList<>(resource.winners());
                    all.addAll(resource.losers());
                    yield all;
                }
            };
        }

        private static Set<Dimension> dimensions(EvidenceReported report) {
            Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
            report.sources().forEach(source -> dimensions.addAll(source.dimensions()));
            report.measurements().forEach(measurement -> dimensions.add(measurement.dimension()));
            report.findings().forEach(finding -> dimensions.add(finding.dimension()));
            return dimensions;
        }
    }
}
