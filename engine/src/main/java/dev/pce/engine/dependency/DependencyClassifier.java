package dev.pce.engine.dependency;

import dev.pce.engine.Cancellation;
import dev.pce.engine.model.TaskSpec;

import java.util.List;

/**
 * The port that classifies every relation between the tasks of a plan (implemented by the Drools rules module).
 * Inputs are each task's declared {@code depends_on} with its optional type hint, its kind, the files it reads and
 * writes, and the interfaces it produces and consumes. A declared type is a hint the classifier may upgrade (soft to
 * hard), never silently drop.
 */
public interface DependencyClassifier {

    /**
     * Classifies the plan's relations.
     *
     * @param tasks a plan that already passed structural validation (unique ids, known dependency ids)
     * @return every classified edge, in a deterministic order
     * @throws dev.pce.engine.CeException with {@code INVALID_PLAN} when declarations conflict; the message names
     *                                    both tasks and the fix
     */
    List<ClassifiedEdge> classify(List<TaskSpec> tasks);

    /**
     * As {@link #classify(List)}, stopping at a safe point when {@code cancellation} is cancelled. A classifier
     * whose work is short ignores it.
     *
     * @throws Cancellation.Cancelled when cancelled
     */
    default List<ClassifiedEdge> classify(List<TaskSpec> tasks, Cancellation cancellation) {
        return classify(tasks);
    }

    /**
     * As {@link #classify(List, Cancellation)}, for a caller that takes at most {@code maxEdges} relations: a
     * classifier that finds out early that there will be more may refuse at once ({@code INVALID_PLAN}, saying why)
     * instead of building them all. Otherwise it returns every edge, and the caller checks the count.
     */
    default List<ClassifiedEdge> classify(List<TaskSpec> tasks, Cancellation cancellation, int maxEdges) {
        return classify(tasks, cancellation);
    }
}
