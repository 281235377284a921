package dev.pce.engine.metrics;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>The workspace's values are gathered once; a workflow's history is them without its own, so flagging every
 * workflow of a workspace stays cheap.
 */
public final class Anomalies {
    public static final int MIN_SAMPLES = 5;
    public static final double QUANTILE = 0.95;
    public static final double MIN_EXCESS_SECONDS = 1.0;
    public static final double GATE_PASS_RATE = 0.95;

    private final Groups durations = new Groups();
    private final Groups waits = new Groups();
    private final Groups holds = new Groups();
    /** Per gate: [evaluations, passed], in the workspace and per workflow. */
    private final Map<String, int[]> gates = new HashMap<>();
    private final Map<String, Map<String, int[]>> gatesByWorkflow = new HashMap<>();

    private Anomalies(List<WorkflowMetrics> workspace) {
        workspace.forEach(this::add);
    }

    /** The history of a workspace: every value of {@code workspace}'s workflows. */
    public static Anomalies in(List<WorkflowMetrics> workspace) {
        return new Anomalies(workspace);
    }

    /**
     * The flags of {@code subject} against the other workflows (the subject's own values, if the workspace holds
     * it, are left out).
     */
    public List<AnomalyFlag> of(WorkflowMetrics subject) {
        String id = subject.workflowId();
        List<AnomalyFlag> flags = new ArrayList<>();
        for (TaskMetrics task : subject.tasks()) {
            for (Attempt attempt : task.attempts()) {
                durationFlag(subject, task, attempt).ifPresent(flags::add);
                waitFlag(subject, task, attempt).ifPresent(flags::add);
            }
        }
        for (GateHold hold : subject.gateHolds()) {
            Baseline past = holds.baseline(hold.gate(), id);
            OptionalDouble p95 = past.exceededBy(hold.seconds());
            if (p95.isPresent()) {
                flags.add(new AnomalyFlag(id, AnomalyKind.GATE_HOLD, hold.gate(), hold.gate(), hold.seconds(), p95,
                        OptionalDouble.empty(), past.samples(), String.format(Locale.ROOT,
                        "gate '%s' %s the later waves for %.1f s, above the p95 of %.1f s of %d holds of it "
                                + "elsewhere", hold.gate(), hold.open() ? "has held" : "held", hold.seconds(),
                        p95.getAsDouble(), past.samples())));
            }
        }
        for (GateEvaluation evaluation : subject.gates()) {
            gateFlag(subject, evaluation).ifPresent(flags::add);
        }
        return flags;
    }

    private Optional<AnomalyFlag> durationFlag(WorkflowMetrics subject, TaskMetrics task, Attempt attempt) {
        boolean running = attempt.outcome() == AttemptOutcome.RUNNING;
        if (attempt.outcome() != AttemptOutcome.COMPLETED && !running) {
            return Optional.empty();
        }
        String group = kindAndPool(task.kind(), attempt.pool());
        Baseline past = durations.baseline(group, subject.workflowId());
        OptionalDouble p95 = past.exceededBy(attempt.durationSeconds());
        if (p95.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyFlag(subject.workflowId(), AnomalyKind.TASK_DURATION, task.id(), group,
                attempt.durationSeconds(), p95, OptionalDouble.empty(), past.samples(), String.format(Locale.ROOT,
                "task '%s' %s %.1f s, above the p95 of %.1f s of %d completed %s attempts elsewhere", task.id(),
                running ? "has been running for" : "took", attempt.durationSeconds(), p95.getAsDouble(),
                past.samples(), group)));
    }

    private Optional<AnomalyFlag> waitFlag(WorkflowMetrics subject, TaskMetrics task, Attempt attempt) {
        if (attempt.waitSeconds().isEmpty()) {
            return Optional.empty();
        }
        double wait = attempt.waitSeconds().getAsDouble();
        Baseline past = waits.baseline(attempt.pool(), subject.workflowId());
        OptionalDouble p95 = past.exceededBy(wait);
        if (p95.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnomalyFlag(subject.workflowId(), AnomalyKind.TASK_WAIT, task.id(), attempt.pool(),
                wait, p95, OptionalDouble.empty(), past.samples(), String.format(Locale.ROOT,
                "task '%s' waited %.1f s from ready to claimed (attempt %d), above the p95 of %.1f s of %d waits "
                        + "in pool %s elsewhere", task.id(), wait, attempt.number(), p95.getAsDouble(),
                past.samples(), attempt.pool())));
    }

    private Optional<AnomalyFlag> gateFlag(WorkflowMetrics subject, GateEvaluation evaluation) {
        int[] all = gates.getOrDefault(evaluation.gate(), new int[2]);
        int[] own = gatesByWorkflow.getOrDefault(subject.workflowId(), Map.of())
                .getOrDefault(evaluation.gate(), new int[2]);
        int evaluations = all[0] - own[0];
        int passed = all[1] - own[1];
        if (evaluation.passed() || evaluations < MIN_SAMPLES) {
            return Optional.empty();
        }
        double rate = (double) passed / evaluations;
        if (rate < GATE_PASS_RATE) {
            return Optional.empty();
        }
        String criteria = evaluation.failedCriteria().isEmpty() ? ""
                : " (" + String.join(", ", evaluation.failedCriteria()) + ")";
        return Optional.of(new AnomalyFlag(subject.workflowId(), AnomalyKind.GATE_FAILED, evaluation.gate(),
                evaluation.gate(), 0, OptionalDouble.empty(), OptionalDouble.of(rate), evaluations,
                String.format(Locale.ROOT, "gate '%s' blocked%s; it passed %d of %d evaluations elsewhere (%.0f%%)",
                        evaluation.gate(), criteria, passed, evaluations, rate * 100)));
    }

    private void add(WorkflowMetrics workflow) {
        String id = workflow.workflowId();
        for (TaskMetrics task : workflow.tasks()) {
            for (Attempt attempt : task.attempts()) {
                if (attempt.outcome() == AttemptOutcome.COMPLETED) {
                    durations.add(kindAndPool(task.kind(), attempt.pool()), id, attempt.durationSeconds());
                }
                attempt.waitSeconds().ifPresent(wait -> waits.add(attempt.pool(), id, wait));
            }
        }
        // a hold still open has not shown how long it lasts
        workflow.gateHolds().stream().filter(hold -> !hold.open())
                .forEach(hold -> holds.add(hold.gate(), id, hold.seconds()));
        for (GateEvaluation evaluation : workflow.gates()) {
            for (int[] tally : List.of(gates.computeIfAbsent(evaluation.gate(), gate -> new int[2]),
                    gatesByWorkflow.computeIfAbsent(id, key -> new HashMap<>())
                            .computeIfAbsent(evaluation.gate(), gate -> new int[2]))) {
                tally[0]++;
                tally[1] += evaluation.passed() ? 1 : 0;
            }
        }
    }

    private static String kindAndPool(String kind, String pool) {
        return kind.toLowerCase(Locale.ROOT) + "/" + pool;
    }

    /** A group's past values for one subject: how many, and their p95 once there are enough of them. */
    private record Baseline(int samples, OptionalDouble p95) {

        /** The p95, when {@code value} passes it by more than the margin. */
        OptionalDouble exceededBy(double value) {
            return p95.isPresent() && value > p95.getAsDouble() + MIN_EXCESS_SECONDS ? p95 : OptionalDouble.empty();
        }
    }

    /** One measure's values by group: all of the workspace's, and each workflow's own. */
    private static final class Groups {
        private final Map<String, List<Double>> all = new HashMap<>();
        private final Map<String, double[]> sorted = new HashMap<>();
        private final Map<String, Map<String, List<Double>>> byWorkflow = new HashMap<>();
        /** Baselines by group and subject: a subject's tasks of one group share theirs. */
        private final Map<List<String>, Baseline> baselines = new HashMap<>();

        void add(String group, String workflowId, double value) {
            all.computeIfAbsent(group, key -> new ArrayList<>()).add(value);
            byWorkflow.computeIfAbsent(workflowId, key -> new HashMap<>())
                    .computeIfAbsent(group, key -> new ArrayList<>()).add(value);
            sorted.remove(group);
            baselines.clear();
        }

        /** The group's values without {@code workflowId}'s own: their count and p95. */
        Baseline baseline(String group, String workflowId) {
            return baselines.computeIfAbsent(List.of(group, workflowId), key -> without(group, workflowId));
        }

        private Baseline without(String group, String workflowId) {
            double[] everything = sorted.computeIfAbsent(group, key -> sort(all.getOrDefault(key, List.of())));
            double[] own = sort(byWorkflow.getOrDefault(workflowId, Map.of()).getOrDefault(group, List.of()));
            int samples = everything.length - own.length;
            if (samples < MIN_SAMPLES) {
                return new Baseline(samples, OptionalDouble.empty());
            }
            // the rank-th smallest of everything without own: walk both sorted arrays, skipping own's values
            int rank = Percentiles.rank(samples, QUANTILE);
            int skipped = 0;
            for (double value : everything) {
                if (skipped < own.length && value == own[skipped]) {
                    skipped++;
                } else if (--rank == 0) {
                    return new Baseline(samples, OptionalDouble.of(value));
                }
            }
            throw new IllegalStateException("a workflow's own values are among the workspace's");
        }

        private static double[] sort(List<Double> values) {
            double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(array);
            return array;
        }
    }
}
