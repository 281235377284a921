package dev.pce.engine.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Flags what in a workflow falls outside its history, the same measure in the workspace's other workflows:
 * <ul>
 *   <li>a task that took (or, running, is taking) longer than the p95 of the completed attempts of its kind and
 *       pool;</li>
 *   <li>an attempt that waited from ready to claimed longer than the p95 of the waits in its pool;</li>
 *   <li>a gate hold longer than the p95 of that gate's past holds;</li>
 *   <li>a gate that blocked where at least 95% of that gate's past evaluations passed.</li>
 * </ul>
 * A history needs {@value #MIN_SAMPLES} values at least, and a time must pass the p95 by more than
 * {@value #MIN_EXCESS_SECONDS} s: agents poll, and a fraction of a second past the p95 of waits that are all
 * near zero is noise, not a finding.
 */
public final class Anomalies {
    public static final int MIN_SAMPLES = 5;
    public static final double QUANTILE = 0.95;
    public static final double MIN_EXCESS_SECONDS = 1.0;
    public static final double GATE_PASS_RATE = 0.95;

    private Anomalies() {
    }

    /** The flags of {@code subject} against the other workflows of {@code workspace} (which may include it). */
    public static List<AnomalyFlag> of(WorkflowMetrics subject, List<WorkflowMetrics> workspace) {
        History history = new History();
        workspace.stream().filter(other -> !other.workflowId().equals(subject.workflowId()))
                .forEach(history::add);
        List<AnomalyFlag> flags = new ArrayList<>();
        for (TaskMetrics task : subject.tasks()) {
            for (Attempt attempt : task.attempts()) {
                durationFlag(subject, task, attempt, history).ifPresent(flags::add);
                waitFlag(subject, task, attempt, history).ifPresent(flags::add);
            }
        }
        for (GateHold hold : subject.gateHolds()) {
            List<Double> past = history.holds.getOrDefault(hold.gate(), List.of());
            OptionalDouble p95 = beyond(hold.seconds(), past);
            if (p95.isPresent()) {
                flags.add(new AnomalyFlag(subject.workflowId(), AnomalyKind.GATE_HOLD, hold.gate(), hold.gate(),
                        hold.seconds(), p95, OptionalDouble.empty(), past.size(), String.format(Locale.ROOT,
                        "gate '%s' %s the later waves for %.1f s, above the p95 of %.1f s of %d holds of it "
                                + "elsewhere", hold.gate(), hold.open() ? "has held" : "held", hold.seconds(),
                        p95.getAsDouble(), past.size())));
            }
        }
        for (GateEvaluation evaluation : subject.gates()) {
            gateFlag(subject, evaluation, history).ifPresent(flags::add);
        }
        return flags;
    }

    private static Optional<AnomalyFlag> durationFlag(WorkflowMetrics subject, TaskMetrics task,
                                                      Attempt attempt, History history) {
        boolean running = attempt.outcome() == AttemptOutcome.RUNNING;
        if (attempt.outcome() != AttemptOutcome.COMPLETED && !running) {
            return Optional.empty();
        }
        String group = History.kindAndPool(task.kind(), attempt.pool());
        List<Double> past = history.durations.getOrDefault(group, List.of());
        OptionalDouble p95 = beyond(attempt.durationSeconds(), past);
        if (p95.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyFlag(subject.workflowId(), AnomalyKind.TASK_DURATION, task.id(), group,
                attempt.durationSeconds(), p95, OptionalDouble.empty(), past.size(), String.format(Locale.ROOT,
                "task '%s' %s %.1f s, above the p95 of %.1f s of %d completed %s attempts elsewhere", task.id(),
                running ? "has been running for" : "took", attempt.durationSeconds(), p95.getAsDouble(), past.size(),
                group)));
    }

    private static Optional<AnomalyFlag> waitFlag(WorkflowMetrics subject, TaskMetrics task,
                                                  Attempt attempt, History history) {
        if (attempt.waitSeconds().isEmpty()) {
            return Optional.empty();
        }
        double wait = attempt.waitSeconds().getAsDouble();
        List<Double> past = history.waits.getOrDefault(attempt.pool(), List.of());
        OptionalDouble p95 = beyond(wait, past);
        if (p95.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyFlag(subject.workflowId(), AnomalyKind.TASK_WAIT, task.id(), attempt.pool(),
                wait, p95, OptionalDouble.empty(), past.size(), String.format(Locale.ROOT,
                "task '%s' waited %.1f s from ready to claimed (attempt %d), above the p95 of %.1f s of %d waits "
                        + "in pool %s elsewhere", task.id(), wait, attempt.number(), p95.getAsDouble(), past.size(),
                attempt.pool())));
    }

    private static Optional<AnomalyFlag> gateFlag(WorkflowMetrics subject, GateEvaluation evaluation,
                                                  History history) {
        List<Boolean> past = history.gates.getOrDefault(evaluation.gate(), List.of());
        if (evaluation.passed() || past.size() < MIN_SAMPLES) {
            return Optional.empty();
        }
        long passed = past.stream().filter(Boolean::booleanValue).count();
        double rate = (double) passed / past.size();
        if (rate < GATE_PASS_RATE) {
            return Optional.empty();
        }
        String criteria = evaluation.failedCriteria().isEmpty() ? ""
                : " (" + String.join(", ", evaluation.failedCriteria()) + ")";
        return Optional.of(new AnomalyFlag(subject.workflowId(), AnomalyKind.GATE_FAILED,
                evaluation.gate(), evaluation.gate(), 0, OptionalDouble.empty(), OptionalDouble.of(rate), past.size(),
                String.format(Locale.ROOT, "gate '%s' blocked%s; it passed %d of %d evaluations elsewhere (%.0f%%)",
                        evaluation.gate(), criteria, passed, past.size(), rate * 100)));
    }

    /** The p95 of {@code past} when {@code value} passes it by more than the margin and the history is enough. */
    private static OptionalDouble beyond(double value, List<Double> past) {
        if (past.size() < MIN_SAMPLES) {
            return OptionalDouble.empty();
        }
        double p95 = Percentiles.of(past, QUANTILE).orElseThrow();
        return value > p95 + MIN_EXCESS_SECONDS ? OptionalDouble.of(p95) : OptionalDouble.empty();
    }

    /** The values of the other workflows, by what they are compared by. */
    private static final class History {
        final Map<String, List<Double>> durations = new HashMap<>();
        final Map<String, List<Double>> waits = new HashMap<>();
        final Map<String, List<Double>> holds = new HashMap<>();
        final Map<String, List<Boolean>> gates = new HashMap<>();

        static String kindAndPool(String kind, String pool) {
            return kind.toLowerCase(Locale.ROOT) + "/" + pool;
        }

        void add(WorkflowMetrics workflow) {
            for (TaskMetrics task : workflow.tasks()) {
                for (Attempt attempt : task.attempts()) {
                    if (attempt.outcome() == AttemptOutcome.COMPLETED) {
                        durations.computeIfAbsent(kindAndPool(task.kind(), attempt.pool()), key -> new ArrayList<>())
                                .add(attempt.durationSeconds());
                    }
                    attempt.waitSeconds().ifPresent(wait -> waits.computeIfAbsent(attempt.pool(),
                            key -> new ArrayList<>()).add(wait));
                }
            }
            // a hold still open has not shown how long it lasts
            workflow.gateHolds().stream().filter(hold -> !hold.open()).forEach(hold ->
                    holds.computeIfAbsent(hold.gate(), key -> new ArrayList<>()).add(hold.seconds()));
            workflow.gates().forEach(evaluation -> gates.computeIfAbsent(evaluation.gate(),
                    key -> new ArrayList<>()).add(evaluation.passed()));
        }
    }
}
