package dev.pce.rules.gate;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.FindingSeverity;
import dev.pce.engine.gate.Metrics;
import dev.pce.engine.gate.ThresholdAdjustment;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * What a gate rule's consequence calls to decide a criterion. Each draft records the deciding rule's name, so a
 * DRL author cannot forget it, and inserts logically, so a criterion lives only while its rule's conditions hold.
 *
 * <pre>
 * Criteria.criterion(kcontext, "coverage-line", Metrics.COVERAGE_LINE).atLeastPercent(80).blocking()
 *     .onFailure(Pools.BUILDERS, "Add tests for the uncovered lines")
 *     .because("a library's callers reach paths its authors never ran").insert();
 * </pre>
 */
public final class Criteria {
    private Criteria() {
    }

    /** A criterion on one metric; its dimension is the metric's prefix. */
    public static CriterionDraft criterion(RuleContext rule, String name, String metric) {
        return new CriterionDraft(rule, List.of(new CriterionDraft.Target(name, metric)),
                ThresholdAdjustment.dimensionOf(metric));
    }

    /** A criterion on the number of findings of exactly {@code severity}: "security-medium". */
    public static CriterionDraft findings(RuleContext rule, Dimension dimension, FindingSeverity severity) {
        return new CriterionDraft(rule, List.of(findingTarget(dimension, severity)), dimension);
    }

    /**
     * One criterion per severity from critical down to {@code mildest}, each on the number of findings of that
     * severity ("lint-critical", "lint-high"), alike in everything else.
     */
    public static CriterionDraft findingsAtOrAbove(RuleContext rule, Dimension dimension, FindingSeverity mildest) {
        List<CriterionDraft.Target> targets = new ArrayList<>();
        for (FindingSeverity severity : FindingSeverity.values()) {
            if (severity.atLeast(mildest)) {
                targets.add(findingTarget(dimension, severity));
            }
        }
        return new CriterionDraft(rule, targets, dimension);
    }

    /**
     * Requires {@code dimension} to be measured: its criteria (but the optional ones) block the gate while no evidence
     * measured them. A dimension nobody requires is judged when it was measured and reported as not measured, blocking
     * nothing, when it was not.
     */
    public static void require(RuleContext rule, Dimension dimension, String why) {
        rule.insertLogical(new Requirement(dimension, rule.getRule().getName(), why));
    }

    /** Replaces {@code criterion}'s threshold with the adjustment's, recording its origin and what it replaced. */
    public static void adjust(RuleContext rule, Criterion criterion, Adjustment adjustment) {
        String why = "set by " + adjustment.origin() + ", replacing " + criterion.unit().format(criterion.threshold())
                + " from rule '" + criterion.rule() + "' (" + criterion.reason() + ")";
        rule.insertLogical(criterion.adjustedTo(adjustment.threshold(), rule.getRule().getName(), why));
    }

    private static CriterionDraft.Target findingTarget(Dimension dimension, FindingSeverity severity) {
        return new CriterionDraft.Target(dimension.wireName() + "-" + severity.wireName(),
                Metrics.findings(dimension, severity));
    }
}
