package dev.pce.engine.gate;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One criterion of a gate, judged.
 *
 * @param criterion   the criterion's name ("coverage-line"), unique within a gate
 * @param metric      the metric it judges, a name from {@link Metrics}
 * @param threshold   the value {@code measured} is compared with
 * @param measured    the value the evidence gave; empty when there was none (NOT_MEASURED, or ERROR with nothing
 *                    read)
 * @param required    whether the gate needs the metric measured: its dimension is required (by the rules for the
 *                    project type or by the project's configuration) and the criterion is not one a measured
 *                    dimension may lack (branch coverage of code without branches)
 * @param rule        the name of the rule that set the threshold (a gate rule, or the rule that applied a learned
 *                    adjustment)
 * @param reason      the measured value against the threshold, and why the threshold is what it is
 * @param remediation the task that would make it pass; present when the criterion needs action (it did not pass,
 *                    is not INFO, and is not an optional criterion without evidence)
 */
public record CriterionResult(String criterion, Dimension dimension, String metric, Comparison comparison,
                              double threshold, OptionalDouble measured, CriterionSeverity severity,
                              boolean required, Verdict verdict, String rule, String reason,
                              Optional<Remediation> remediation) {

    public CriterionResult {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remediation, "remediation");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("criterion " + criterion + " has a threshold that is not a finite number");
        }
    }

    /**
     * Whether {@code finding} is behind this criterion's value: a finding of its dimension, and of its severity when
     * it counts the findings of one severity ("lint-high").
     */
    public boolean concerns(Finding finding) {
        return finding.dimension() == dimension && Metrics.countedSeverity(dimension, metric)
                .map(severity -> severity == finding.severity()).orElse(true);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /**
     * Whether the criterion is unmet: it failed, its evidence could not be read, or it is required and was not
     * measured. One nobody measured nor required is neither met nor unmet; it asks for nothing.
     */
    public boolean unmet() {
        return switch (verdict) {
            case PASS -> false;
            case FAIL, ERROR -> true;
            case NOT_MEASURED -> required;
        };
    }

    /**
     * Whether this criterion stops the gate: a BLOCKING criterion that failed or whose evidence could not be read,
     * and any required criterion that was not measured (a required dimension must be measured, whatever the
     * severity of its criteria). A gate never passes on unreadable evidence.
     */
    public boolean blocks() {
        return switch (verdict) {
            case PASS -> false;
            case FAIL, ERROR -> severity == CriterionSeverity.BLOCKING;
            case NOT_MEASURED -> required;
        };
    }
}
