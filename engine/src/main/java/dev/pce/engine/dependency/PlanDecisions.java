package dev.pce.engine.dependency;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the dependency rules decided about a plan beyond its relations: estimates and reviews, the decisions the
 * learned rules take, with the relations they were taken against.
 *
 * @param edges        the plan's classified relations (where a demanded review goes: after the task, before the
 *                     tasks ordered after it)
 * @param estimates    decided estimates, in plan order of their task
 * @param reviews      demanded reviews, in plan order of their task
 * @param rulesVersion the learned rules version in force when the plan was classified; empty when none was
 */
public record PlanDecisions(List<ClassifiedEdge> edges, List<EstimateDecision> estimates, List<ReviewDemand> reviews,
                            OptionalInt rulesVersion) {
    public static final PlanDecisions NONE = new PlanDecisions(List.of(), List.of(), List.of(), OptionalInt.empty());

    public PlanDecisions {
        edges = List.copyOf(edges);
        estimates = List.copyOf(estimates);
        reviews = List.copyOf(reviews);
    }

    public boolean isEmpty() {
        return estimates.isEmpty() && reviews.isEmpty();
    }
}
