package dev.pce.rules.gate;

import dev.pce.engine.gate.Comparison;
import dev.pce.engine.gate.CriterionSeverity;
import dev.pce.engine.gate.Dimension;
import org.kie.api.runtime.rule.RuleContext;

import java.util.List;
import java.util.Optional;

/**
 * A criterion being described by a rule's consequence; {@link #insert()} records it. Every part but
 * {@link #optional()} must be given: a threshold, a severity, a remediation and a reason. Not thread-safe: a draft
 * lives within one consequence.
 */
public final class CriterionDraft {
    /** One criterion's name and metric; a draft of finding criteria has one per severity. */
    record Target(String name, String metric) {
    }

    private final RuleContext rule;
    private final List<Target> targets;
    private final Dimension dimension;
    private Optional<Comparison> comparison = Optional.empty();
    private double threshold;
    private Unit unit = Unit.COUNT;
    private Optional<CriterionSeverity> severity = Optional.empty();
    private boolean optional;
    private Optional<String> pool = Optional.empty();
    private String title = "";
    private Optional<String> evidencePool = Optional.empty();
    private Optional<String> reason = Optional.empty();

    CriterionDraft(RuleContext rule, List<Target> targets, Dimension dimension) {
        this.rule = rule;
        this.targets = List.copyOf(targets);
        this.dimension = dimension;
    }

    public CriterionDraft atLeastPercent(double value) {
        return bar(Comparison.AT_LEAST, value, Unit.PERCENT);
    }

    public CriterionDraft atMostPercent(double value) {
        return bar(Comparison.AT_MOST, value, Unit.PERCENT);
    }

    public CriterionDraft atLeastCount(double value) {
        return bar(Comparison.AT_LEAST, value, Unit.COUNT);
    }

    public CriterionDraft atMostCount(double value) {
        return bar(Comparison.AT_MOST, value, Unit.COUNT);
    }

    /** Failing it stops the gate. */
    public CriterionDraft blocking() {
        return severity(CriterionSeverity.BLOCKING);
    }

    /** Failing it is reported with a remediation; the gate may pass. */
    public CriterionDraft warning() {
        return severity(CriterionSeverity.WARNING);
    }

    /** Reported only. */
    public CriterionDraft info() {
        return severity(CriterionSeverity.INFO);
    }

    /**
     * Its metric may be absent even when its dimension is required and measured (branch coverage of code without
     * branches): without evidence it is reported as not measured and never blocks.
     */
    public CriterionDraft optional() {
        optional = true;
        return this;
    }

    /** The task that fixes a failure: which pool does it, and its title. */
    public CriterionDraft onFailure(String remediationPool, String remediationTitle) {
        pool = Optional.of(remediationPool);
        title = remediationTitle;
        return this;
    }

    /**
     * The pool that provides the evidence when it is missing or unreadable; by default the remediation's pool. A
     * review's rejection is fixed by builders, but only reviewers can provide the review.
     */
    public CriterionDraft evidenceFrom(String pool) {
        evidencePool = Optional.of(pool);
        return this;
    }

    /** Why the threshold is what it is; shown with every verdict. */
    public CriterionDraft because(String why) {
        reason = Optional.of(why);
        return this;
    }

    /** Records the criterion (one per target), stamped with this rule's name. */
    public void insert() {
        Comparison chosen = comparison.orElseThrow(() -> incomplete("a threshold (atLeastPercent, atMostCount, ...)"));
        CriterionSeverity chosenSeverity = severity.orElseThrow(() -> incomplete("a severity (blocking, warning, info)"));
        String chosenPool = pool.orElseThrow(() -> incomplete("a remediation (onFailure(pool, title))"));
        String why = reason.orElseThrow(() -> incomplete("a reason (because(...))"));
        if (!unit.allows(threshold)) {
            throw incomplete("a threshold of " + unit.range() + ", not " + threshold);
        }
        for (Target target : targets) {
            rule.insertLogical(new Criterion(target.name(), dimension, target.metric(), chosen, threshold, unit,
                    chosenSeverity, optional, chosenPool, title, evidencePool.orElse(chosenPool),
                    rule.getRule().getName(), why, false, List.of()));
        }
    }

    private CriterionDraft bar(Comparison how, double value, Unit valueUnit) {
        comparison = Optional.of(how);
        threshold = value;
        unit = valueUnit;
        return this;
    }

    private CriterionDraft severity(CriterionSeverity value) {
        severity = Optional.of(value);
        return this;
    }

    private IllegalStateException incomplete(String what) {
        return new IllegalStateException("rule '" + rule.getRule().getName() + "' describes the criterion '"
                + targets.get(0).name() + "' without " + what + "; add it before insert()");
    }
}
