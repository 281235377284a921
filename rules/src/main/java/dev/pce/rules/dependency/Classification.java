package dev.pce.rules.dependency;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.PlanNote;

import java.util.List;

/**
 * What the dependency rules decided for one plan.
 *
 * @param edges every classified edge, ordered by plan order of {@code from}, then {@code to}, then class
 * @param notes remarks that are not errors (e.g. interfaces treated as external), ordered by plan order of the task
 */
public record Classification(List<ClassifiedEdge> edges, List<PlanNote> notes) {
    public Classification {
        edges = List.copyOf(edges);
        notes = List.copyOf(notes);
    }
}
