package dev.pce.rules.gate;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;

/**
 * A criterion the gate rules decided: what to measure, the threshold and what failing it means. Rules create them
 * through {@link Criteria}, never directly, so each carries the deciding rule's name.
 *
 * @param name             unique within a gate ("coverage-line")
 * @param required         whether absent evidence counts against the gate
 * @param remediationPool  the pool that fixes a failure ("builders", "reviewers")
 * @param remediationTitle the fix, as a task title
 * @param evidencePool     the pool that provides the evidence when it is missing or unreadable
 * @param rule             the rule that set the threshold
 * @param reason           why the threshold is what it is
 * @param adjusted         whether a threshold adjustment replaced the threshold a gate rule set
 */
public record Criterion(String name, Dimension dimension, String metric, Comparison comparison, double threshold,
                        Unit unit, CriterionSeverity severity, boolean required, String remediationPool,
                        String remediationTitle, String evidencePool, String rule, String reason, boolean adjusted) {

    /** This criterion with the threshold an adjustment set, recorded as decided by {@code adjustingRule}. */
    Criterion adjustedTo(double newThreshold, String adjustingRule, String why) {
        return new Criterion(name, dimension, metric, comparison, newThreshold, unit, severity, required,
                remediationPool, remediationTitle, evidencePool, adjustingRule, why, true);
    }

    /** "at least 80%", for sentences. */
    String bar() {
        return comparison.words() + " " + unit.format(threshold);
    }
}
