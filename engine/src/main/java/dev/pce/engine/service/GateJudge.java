package dev.pce.engine.service;

import dev.pce.engine.dependency.DependencyClassifier;
import dev.pce.engine.gate.CriterionResult;
import dev.pce.engine.gate.DeferredRequirement;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.GatePolicy;
import dev.pce.engine.gate.GateRequest;
import dev.pce.engine.gate.GateResult;
import dev.pce.engine.gate.ThresholdAdjustment;
import dev.pce.engine.gate.DimensionRequirement;
import dev.pce.engine.gate.ProjectType;
import dev.pce.engine.gate.Remediation;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskPhase;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.model.TaskState;
import dev.pce.engine.workflow.GateCommand;
import dev.pce.engine.workflow.GateRecord;
import dev.pce.engine.workflow.WorkflowState;

import dev.pce.engine.event.GateEvaluated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges a workflow's quality gates: the policy (the gate rules) weighs the workflow's current evidence, and each
 * criterion that needs action becomes a remediation task in the pool the rules name. Where the gates sit: between
 * waves ("wave-K" holds every task of a later wave while it blocks) and at the end ("pr").
 *
 * @param policy      the gate rules
 * @param projectType the repository's type, configured or detected once; not asked when a call names the type
 * @param required    the dimensions the repository's configuration requires, on top of the rules' own
 * @param adjustments the thresholds the repository's configuration fixes; they win over learned ones
 */
public record GateJudge(GatePolicy policy, Supplier<ProjectType> projectType,
                        Supplier<List<DimensionRequirement>> required,
                        Supplier<List<ThresholdAdjustment>> adjustments) {
    public static final String FINAL_GATE = "pr";

    public GateJudge {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(projectType, "projectType");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(adjustments, "adjustments");
    }

    /** A judge with no configured thresholds. */
    public GateJudge(GatePolicy policy, Supplier<ProjectType> projectType,
                     Supplier<List<DimensionRequirement>> required) {
        this(policy, projectType, required, List::of);
    }

    /**
     * The gate to judge now: a gate that blocks (the earliest), so new evidence can lift its hold; else the gate
     * after the workflow's current wave (the first wave with unfinished planned work); else the final gate.
     */
    static Sync currentSync(WorkflowState state) {
        GateRecord gates = state.gates();
        Optional<Sync> holding = gates.holding().stream().min(Comparator.comparingInt(GateEvaluated::wave))
                .map(gate -> new Sync(gate.gate(), gate.wave()));
        if (holding.isPresent()) {
            return holding.get();
        }
        int lastWave = 0;
        Optional<Integer> open = Optional.empty();
        for (TaskState task : state.tasks()) {
            if (gates.remediation().contains(task.id())) {
                continue;
            }
            int wave = state.wave(task.id());
            lastWave = Math.max(lastWave, wave);
            if (task.phase() != TaskPhase.DONE && (open.isEmpty() || wave < open.get())) {
                open = Optional.of(wave);
            }
        }
        return open.map(wave -> new Sync("wave-" + wave, wave)).orElse(new Sync(FINAL_GATE, lastWave));
    }

    /**
     * The gate that a just-finished task completed, if it finished its wave: every planned task of that wave and
     * the ones before is done.
     */
    static Optional<Sync> completedSync(WorkflowState state, String finishedTask) {
        int wave = state.wave(finishedTask);
        boolean waveDone = true;
        boolean laterWork = false;
        for (TaskState task : state.tasks()) {
            if (state.gates().remediation().contains(task.id())) {
                continue;
            }
            int taskWave = state.wave(task.id());
            if (taskWave <= wave && task.phase() != TaskPhase.DONE) {
                waveDone = false;
            }
            laterWork |= taskWave > wave;
        }
        if (!waveDone) {
            return Optional.empty();
        }
        return Optional.of(laterWork ? new Sync("wave-" + wave, wave) : new Sync(FINAL_GATE, wave));
    }

    /** A gate's place: its name and the last wave it judges. */
    record Sync(String gate, int wave) {
    }

    GateCommand judge(WorkflowState state, Sync sync, Optional<ProjectType> override, String agent,
                      DependencyClassifier classifier) {
        ProjectType type = override.orElseGet(projectType);
        GateRecord record = state.gates();
        GateResult result = policy.evaluate(new GateRequest(type, record.currentEvidence(), record.sources(),
                adjustments.get(), required.get(), notYetProduced(state, sync)));
        return new GateCommand(sync.gate(), sync.wave(), type.wireName(), result, record.evidenceSeq(),
                remediationTasks(state, sync.gate(), result), agent, classifier);
    }

    /**
     * The dimensions the work up to a wave gate cannot have produced, which it therefore does not require (the final
     * gate defers none). Review evidence comes from {@code ce_review}, which a task of the reviewers pool reports; every
     * other dimension from evidence files or agents' reports, which any task may give. So a wave gate with no
     * reviewers' task up to its wave does not wait for the review planned after it, the very review that would
     * approve its work.
     */
    static List<DeferredRequirement> notYetProduced(WorkflowState state, Sync sync) {
        if (sync.gate().equals(FINAL_GATE)) {
            return List.of();
        }
        boolean reviewed = state.tasks().stream().anyMatch(task -> state.wave(task.id()) <= sync.wave()
                && task.spec().pool().equals(Pools.REVIEWERS));
        return reviewed ? List.of() : List.of(new DeferredRequirement(Dimension.REVIEW, "no task up to wave "
                + sync.wave() + " produces review evidence (reviews come from tasks of the " + Pools.REVIEWERS
                + " pool)"));
    }

    /**
     * One task per distinct remediation, named after the gate and the first criterion it serves. A task of that
     * name still open is reused; one already done gets a successor ({@code -2}, {@code -3}, ...).
     */
    private static List<TaskSpec> remediationTasks(WorkflowState state, String gate, GateResult result) {
        Map<Remediation, String> firstCriterion = new LinkedHashMap<>();
        for (CriterionResult criterion : result.criteria()) {
            criterion.remediation().ifPresent(fix -> firstCriterion.putIfAbsent(fix, criterion.criterion()));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        firstCriterion.forEach((fix, criterion) -> {
            String base = gate + "-fix-" + criterion;
            String id = base;
            for (int n = 2; state.task(id).filter(task -> task.phase() == TaskPhase.DONE).isPresent(); n++) {
                id = base + "-" + n;
            }
            tasks.add(TaskSpec.builder(id, kindOf(fix.pool())).pool(fix.pool()).title(fix.title())
                    .writes(fix.files().toArray(String[]::new)).description(fix.description()).build());
        });
        return tasks;
    }

    /** The task kind that lands in {@code pool} by default, so the plan reads naturally. */
    private static String kindOf(String pool) {
        return switch (pool) {
            case Pools.REVIEWERS -> "review";
            case Pools.PLANNERS -> "plan";
            default -> "build";
        };
    }
}
