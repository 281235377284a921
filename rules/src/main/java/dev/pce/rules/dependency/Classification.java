package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.EstimateDecision;
import dev.pce.engine.dependency.PlanNote;
import dev.pce.engine.dependency.ReviewDemand;

import java.util.List;

/**
 * What the dependency rules decided for one plan.
 *
 * @param edges     every classified edge, ordered by plan order of {@code from}, then {@code to}, then class
 * @param notes     remarks that are not errors (e.g. interfaces treated as external), ordered by plan order of the task
 * @param estimates estimates the rules decided (the learned estimate biases), ordered by plan order of the task
 * @param reviews   reviews the rules demanded (the learned review requirements), ordered by plan order of the task
 */
public record Classification(List<ClassifiedEdge> edges, List<PlanNote> notes, List<EstimateDecision> estimates,
                             List<ReviewDemand> reviews) {
    public Classification {
        edges = List.copyOf(edges);
        notes = List.copyOf(notes);
        estimates = List.copyOf(estimates);
        reviews = List.copyOf(reviews);
    }

    /** Relations and notes only, nothing decided beyond them. */
    public Classification(List<ClassifiedEdge> edges, List<PlanNote> notes) {
        this(edges, notes, List.of(), List.of());
    }
}
