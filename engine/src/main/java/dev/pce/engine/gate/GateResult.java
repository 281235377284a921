package dev.pce.engine.gate;

import java.util.List;
import java.util.Optional;

/**
 * A gate's judgement: every criterion with its verdict, ordered by dimension, then criterion name.
 */
public record GateResult(List<CriterionResult> criteria) {

    public GateResult {
        criteria = List.copyOf(criteria);
    }

    /** Whether any criterion blocks the gate (see {@link CriterionResult#blocks()}). */
    public boolean blocking() {
        return criteria.stream().anyMatch(CriterionResult::blocks);
    }

    /** The criteria that block the gate, in order. */
    public List<CriterionResult> blockers() {
        return criteria.stream().filter(CriterionResult::blocks).toList();
    }

    /** The criterion of that name, if the gate has it. */
    public Optional<CriterionResult> criterion(String name) {
        return criteria.stream().filter(result -> result.criterion().equals(name)).findFirst();
    }

    /**
     * The remediation tasks of every criterion that needs action, in criterion order, each once: criteria of one
     * dimension that lack evidence, or whose evidence could not be read, share one task.
     */
    public List<Remediation> remediations() {
        return criteria.stream().flatMap(result -> result.remediation().stream()).distinct().toList();
    }
}
