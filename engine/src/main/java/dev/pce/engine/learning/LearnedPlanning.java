package dev.pce.engine.learning;

import dev.pce.engine.Cancellation;
import dev.pce.engine.PlainNumbers;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanDecisions;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as the rules decide it before it is stored ({@code ce_plan}): the learned rules' estimate decisions
 * applied (estimate x (1 + (factor - 1) x confidence), {@link EstimateCorrections}) and an early review added for
 * each review they demand ({@link EarlyReviews}). When reviews were added the plan is decided again, so the added
 * tasks are decided like the others (an estimate bias of their kind). Each decision is reported with the rule and
 * the learned rules version that took it. The relations of the last decision come with the plan, so storing it does
 * not classify it once more: a correction changes estimates only, which the classification does not read.
 */
public final class LearnedPlanning {
    private final PlanDecider decider;

    public LearnedPlanning(PlanDecider decider) {
        this.decider = decider;
    }

    /**
     * The plan to store.
     *
     * @param tasks            the tasks to store, estimates as used (corrected where a rule decided)
     * @param plannedEstimates the planner's own estimate of every task whose estimate changed, for
     *                         {@code workflow.planned}: learning measures against it
     * @param corrections      the estimates that changed: given, used, factor, why
     * @param decisions        every decision with its rule and version, in plan order
     * @param edges            the relations the rules classified for {@code tasks}, to store the plan with; empty
     *                         when nothing was decided (the plan is classified when it is stored)
     */
    public record Amended(List<TaskSpec> tasks, Map<String, Double> plannedEstimates,
                          List<EstimateCorrections.Correction> corrections, List<LearnedDecision> decisions,
                          Optional<List<ClassifiedEdge>> edges) {
    }

    /**
     * @throws dev.pce.engine.CeException {@code INVALID_PLAN} as storing the plan would (nothing is stored)
     * @throws Cancellation.Cancelled     when cancelled
     */
    public Amended amend(String goal, List<TaskSpec> tasks, Cancellation cancellation) {
        if (!decider.mayDecide()) {
            return new Amended(tasks, Map.of(), List.of(), List.of(), Optional.empty());
        }
        List<TaskSpec> plan = PlanValidator.validate(goal, tasks);
        PlanDecisions decided = decider.decide(plan, cancellation);
        Optional<Integer> version = version(decided);
        EarlyReviews.Added reviewed = EarlyReviews.add(plan, decided.edges(), decided.reviews(), version);
        List<LearnedDecision> decisions = new ArrayList<>(reviewed.decisions());
        if (reviewed.tasks() != plan) {
            plan = PlanValidator.validate(goal, reviewed.tasks());
            decided = decider.decide(plan, cancellation);
            version = version(decided);
        }
        Map<String, EstimateDecision> estimates = new LinkedHashMap<>();
        decided.estimates().forEach(estimate -> estimates.putIfAbsent(estimate.task(), estimate));
        List<TaskSpec> used = new ArrayList<>(plan.size());
        Map<String, Double> planned = new HashMap<>();
        List<EstimateCorrections.Correction> corrections = new ArrayList<>();
        for (TaskSpec task : plan) {
            EstimateDecision estimate = estimates.get(task.id());
            EstimateCorrections.Correction correction = estimate == null ? null
                    : EstimateCorrections.correct(task, estimate.factor(), estimate.confidence(), estimate.reason());
            if (correction == null || correction.correctedMinutes() == task.estimateMinutes()) {
                used.add(task);
                continue;
            }
            used.add(task.withEstimate(correction.correctedMinutes()));
            planned.put(task.id(), task.estimateMinutes());
            corrections.add(correction);
            decisions.add(new LearnedDecision(estimate.rule(), EarlyReviews.versionOf(estimate.rule(), version),
                    task.id(), "estimate " + PlainNumbers.figures(task.estimateMinutes(), 3) + " -> "
                    + PlainNumbers.figures(correction.correctedMinutes(), 3) + " min (x"
                    + PlainNumbers.figures(correction.factor(), 3) + ")", correction.reason(), Optional.empty()));
        }
        return new Amended(used, planned, corrections, inPlanOrder(decisions, used), Optional.of(decided.edges()));
    }

    private static Optional<Integer> version(PlanDecisions decided) {
        return decided.rulesVersion().isPresent() ? Optional.of(decided.rulesVersion().getAsInt()) : Optional.empty();
    }

    private static List<LearnedDecision> inPlanOrder(List<LearnedDecision> decisions, List<TaskSpec> plan) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i).id(), i);
        }
        return decisions.stream().sorted(java.util.Comparator.comparingInt(
                (LearnedDecision d) -> position.getOrDefault(d.task(), plan.size()))).toList();
    }
}
