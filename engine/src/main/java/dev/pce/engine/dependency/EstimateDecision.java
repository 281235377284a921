package dev.pce.engine.dependency;

import java.util.Objects;

/**
 * A rule's decision on a task's estimate: plan it at {@code 1 + (factor - 1) * confidence} times the planner's
 * estimate (a learned estimate bias, weighted by how sure the pattern is). {@code rule} names the deciding rule
 * ({@code learned:estimate:<kind>}).
 *
 * @param reason why, in words a person reads (the pattern behind the factor)
 */
public record EstimateDecision(String task, double factor, double confidence, String reason, String rule) {
    public EstimateDecision {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
