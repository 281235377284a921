package dev.pce.engine.dependency;

import dev.pce.engine.gate.Dimension;

import java.util.Objects;

/**
 * A rule's decision that a task needs a review on one dimension before its dependents build on it (a learned
 * review requirement: such tasks kept failing review there). The planner adds an early review unless the plan has
 * one. {@code rule} names the deciding rule ({@code learned:review:<kind>:<path>:<dimension>}).
 */
public record ReviewDemand(String task, Dimension dimension, String reason, String rule) {
    public ReviewDemand {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
