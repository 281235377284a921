package dev.pce.rules.gate;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;

import java.util.List;

/**
 * A criterion the gate rules decided: what to measure, the threshold and what failing it means. Rules create them
 * through {@link Criteria}, never directly, so each carries the deciding rule's name.
 *
 * @param name             unique within a gate ("coverage-line")
 * @param optional         whether its metric may be absent even when its dimension is required and measured
 *                         (branch coverage of code without branches): it never blocks for lack of evidence
 * @param remediationPool  the pool that fixes a failure ("builders", "reviewers")
 * @param remediationTitle the fix, as a task title
 * @param evidencePool     the pool that provides the evidence when it is missing or unreadable
 * @param rule             the rule that set the threshold
 * @param reason           why the threshold is what it is
 * @param adjusted         whether a threshold adjustment replaced the threshold a gate rule set
 * @param requiredBy       the requirements of its dimension, set once the rules ran; empty while it is a fact, and
 *                         when nothing requires the dimension
 */
public record Criterion(String name, Dimension dimension, String metric, Comparison comparison, double threshold,
                        Unit unit, CriterionSeverity severity, boolean optional, String remediationPool,
                        String remediationTitle, String evidencePool, String rule, String reason, boolean adjusted,
                        List<Requirement> requiredBy) {

    public Criterion {
        requiredBy = List.copyOf(requiredBy);
    }

    /** Whether the gate needs its metric measured: its dimension is required and it is not optional. */
    public boolean required() {
        return !optional && !requiredBy.isEmpty();
    }

    /** This criterion with the threshold an adjustment set, recorded as decided by {@code adjustingRule}. */
    Criterion adjustedTo(double newThreshold, String adjustingRule, String why) {
        return new Criterion(name, dimension, metric, comparison, newThreshold, unit, severity, optional,
                remediationPool, remediationTitle, evidencePool, adjustingRule, why, true, requiredBy);
    }

    /** This criterion with the requirements of its dimension. */
    Criterion requiredBy(List<Requirement> requirements) {
        return new Criterion(name, dimension, metric, comparison, threshold, unit, severity, optional,
                remediationPool, remediationTitle, evidencePool, rule, reason, adjusted, requirements);
    }

    /** "at least 80%", for sentences. */
    String bar() {
        return comparison.words() + " " + unit.format(threshold);
    }
}
