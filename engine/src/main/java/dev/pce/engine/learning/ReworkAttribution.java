package dev.pce.engine.learning;

import dev.pce.engine.conflict.DimensionReview;
import dev.pce.engine.conflict.FileOverlap;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;
import dev.pce.engine.model.TaskSpec;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a review's objections each task it sent back answers for. {@code ce_review} sends every reviewed task
 * back when any dimension objects, so the review's dimensions are not each task's: one review objecting on security
 * for one build and on performance for another must not teach both dimensions for both builds. The findings say
 * which task an objection is about through their files:
 * <ul>
 *   <li>a dimension whose objecting findings name a file a reworked task writes (as {@link FileOverlap} compares
 *       them: a path, or a directory holding it) is that task's, not the others';</li>
 *   <li>a dimension whose findings name no reworked task's file (no findings, findings without a file, or about
 *       other files) cannot be placed: it counts for every reworked task, as a review of one task does;</li>
 *   <li>a task no objection names, sent back only because the review sends all back, answers for none.</li>
 * </ul>
 */
final class ReworkAttribution {

    private ReworkAttribution() {
    }

    /**
     * Per reworked task id (in the order given), the dimensions of the objections it answers for, in the dimensions'
     * order; empty for a task the objections all name others.
     *
     * @param objections the objecting verdicts the review reported (verdicts that approve are left out by the caller)
     */
    static Map<String, List<Dimension>> of(List<DimensionReview> objections, List<TaskSpec> reworked) {
        Map<String, Set<Dimension>> byTask = new LinkedHashMap<>();
        reworked.forEach(task -> byTask.put(task.id(), EnumSet.noneOf(Dimension.class)));
        for (DimensionReview objection : objections) {
            List<TaskSpec> named = reworked.stream().filter(task -> namedBy(objection, task)).toList();
            (named.isEmpty() ? reworked : named).forEach(task -> byTask.get(task.id()).add(objection.dimension()));
        }
        Map<String, List<Dimension>> result = new LinkedHashMap<>();
        byTask.forEach((task, dimensions) -> result.put(task, List.copyOf(dimensions)));
        return result;
    }

    private static boolean namedBy(DimensionReview objection, TaskSpec task) {
        return objection.findings().stream().map(Finding::file).filter(file -> !file.isBlank())
                .anyMatch(file -> FileOverlap.overlap(List.of(file), task.writes()));
    }
}
