package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.model.EdgeClass;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to record its decision. Each helper stamps the deciding rule's name, so a DRL
 * author cannot forget it, and inserts logically: when a rule's conditions stop holding (a soft dependency that
 * another rule upgrades), its decision is withdrawn with them.
 */
public final class Decisions {

    private Decisions() {
    }

    public static void hard(RuleContext rule, String from, String to, String reason) {
        edge(rule, from, to, EdgeClass.HARD, reason, "");
    }

    public static void soft(RuleContext rule, String from, String to, String reason) {
        edge(rule, from, to, EdgeClass.SOFT, reason, "");
    }

    /** {@code reviewed} is the task under review, {@code reviewer} the review. */
    public static void feedback(RuleContext rule, String reviewed, String reviewer, String reason) {
        edge(rule, reviewed, reviewer, EdgeClass.FEEDBACK, reason, "");
    }

    /** An unordered pair, written with the earlier task of the plan first. */
    public static void resource(RuleContext rule, String a, int aIndex, String b, int bIndex, String resource,
                                String reason) {
        if (aIndex <= bIndex) {
            edge(rule, a, b, EdgeClass.RESOURCE, reason, resource);
        } else {
            edge(rule, b, a, EdgeClass.RESOURCE, reason, resource);
        }
    }

    public static void problem(RuleContext rule, String first, String second, String message, String fix) {
        rule.insertLogical(new PlanProblem(first, second, message, fix, rule.getRule().getName()));
    }

    public static void note(RuleContext rule, String task, String text) {
        rule.insertLogical(new PlanNote(task, text, rule.getRule().getName()));
    }

    /**
     * Plan {@code task} at {@code 1 + (factor - 1) * confidence} times its estimate (the learned estimate-bias
     * rules decide this; the planner applies it).
     */
    public static void estimate(RuleContext rule, String task, double factor, double confidence, String reason) {
        rule.insertLogical(new EstimateDecision(task, factor, confidence, reason, rule.getRule().getName()));
    }

    /**
     * {@code task} needs a review on {@code dimension} (a wire name, {@code security}) before its dependents build
     * on it; the planner adds an early review unless the plan has one (the learned review-requirement rules).
     */
    public static void review(RuleContext rule, String task, String dimension, String reason) {
        rule.insertLogical(new ReviewDemand(task, Dimension.parse(dimension), reason, rule.getRule().getName()));
    }

    private static void edge(RuleContext rule, String from, String to, EdgeClass edgeClass, String reason,
                             String resource) {
        rule.insertLogical(new ClassifiedEdge(from, to, edgeClass, reason, rule.getRule().getName(), resource));
    }
}
