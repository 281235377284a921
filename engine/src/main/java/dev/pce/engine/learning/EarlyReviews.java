package dev.pce.engine.learning;

import dev.pce.engine.Limits;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.dependency.ReviewDemand;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The early reviews the rules demanded, added to a plan: a review task in the reviewers pool right after the task,
 * which the task's dependents wait for, so a problem is caught before they build on it. The rules then classify the
 * review as any other (the feedback edge from the task, so a failed review sends rework to the task's pool). Pure.
 *
 * <p>A plan "already has" a review of a task on a dimension when a task of the reviewers pool reviews it (a
 * feedback edge from the task) and names the dimension in its id, kind or title ({@code security-review},
 * "Security review of the migration"): a review that says nothing of the dimension may not look at it.
 */
final class EarlyReviews {
    /** The kind of an added review: its own, so what is learned about the plan's other reviews stays theirs. */
    static final String KIND = "early-review";
    /** Minutes: a focused look at one task on one dimension. */
    static final double ESTIMATE_MINUTES = 10;

    /** A plan with its early reviews, and what was decided per demand. */
    record Added(List<TaskSpec> tasks, List<LearnedDecision> decisions) {
    }

    private EarlyReviews() {
    }

    /**
     * {@code tasks} with an early review for every demand the plan does not meet yet.
     *
     * @param edges        the plan's classified relations
     * @param rulesVersion the learned rules version of the deciding rules
     */
    static Added add(List<TaskSpec> tasks, List<ClassifiedEdge> edges, List<ReviewDemand> demands,
                     Optional<Integer> rulesVersion) {
        Map<String, TaskSpec> byId = new LinkedHashMap<>();
        tasks.forEach(task -> byId.put(task.id(), task));
        List<TaskSpec> added = new ArrayList<>();
        List<LearnedDecision> decisions = new ArrayList<>();
        Set<String> met = new HashSet<>();
        for (ReviewDemand demand : demands) {
            String dimension = demand.dimension().wireName();
            TaskSpec task = byId.get(demand.task());
            if (task == null || !met.add(demand.task() + '\n' + dimension)) {
                continue;
            }
            Optional<String> existing = existingReview(task.id(), dimension, edges, byId);
            if (existing.isPresent()) {
                decisions.add(new LearnedDecision(demand.rule(), versionOf(demand.rule(), rulesVersion), task.id(),
                        "no early review: '" + existing.get() + "' reviews it on " + dimension + " already",
                        demand.reason(), Optional.empty()));
                continue;
            }
            String id = freeId(task.id() + "-early-" + dimension + "-review", byId);
            List<String> dependents = dependents(task.id(), edges, byId);
            TaskSpec review = TaskSpec.builder(id, KIND).pool(Pools.REVIEWERS).estimate(ESTIMATE_MINUTES)
                    .title(clip("Early " + dimension + " review of " + task.title(), Limits.MAX_TITLE_LENGTH))
                    .description("Review on " + dimension + " what '" + task.id() + "' did (it writes "
                            + String.join(", ", task.writes()) + ") before " + (dependents.isEmpty()
                            ? "the plan goes on" : "'" + String.join("', '", dependents) + "' build on it")
                            + ", and report with ce_review on the dimension " + dimension + ". Why: "
                            + demand.reason() + " (" + demand.rule() + ").")
                    .dependsOn(task.id()).build();
            byId.put(id, review);
            added.add(review);
            dependents.forEach(dependent -> byId.computeIfPresent(dependent, (key, spec) -> spec.withDependency(id)));
            decisions.add(new LearnedDecision(demand.rule(), versionOf(demand.rule(), rulesVersion), task.id(),
                    "early " + dimension + " review '" + id + "' after '" + task.id() + "'" + (dependents.isEmpty()
                    ? "" : ", before '" + String.join("', '", dependents) + "'"), demand.reason(), Optional.of(id)));
        }
        if (added.isEmpty()) {
            return new Added(tasks, decisions);
        }
        return new Added(List.copyOf(byId.values()), decisions);
    }

    /** The rules version of a learned rule; none for another rule. */
    static Optional<Integer> versionOf(String rule, Optional<Integer> rulesVersion) {
        return rule.startsWith("learned:") ? rulesVersion : Optional.empty();
    }

    private static Optional<String> existingReview(String task, String dimension, List<ClassifiedEdge> edges,
                                                   Map<String, TaskSpec> byId) {
        for (ClassifiedEdge edge : edges) {
            if (edge.edgeClass() != EdgeClass.FEEDBACK || !edge.from().equals(task)) {
                continue;
            }
            TaskSpec review = byId.get(edge.to());
            if (review != null && Pools.REVIEWERS.equals(review.pool()) && names(review, dimension)) {
                return Optional.of(review.id());
            }
        }
        return Optional.empty();
    }

    private static boolean names(TaskSpec review, String dimension) {
        return (review.id() + '\n' + review.kind() + '\n' + review.title()).toLowerCase(Locale.ROOT)
                .contains(dimension);
    }

    /** The tasks ordered after {@code task} (hard or soft) that build on it: every one but its reviews. */
    private static List<String> dependents(String task, List<ClassifiedEdge> edges, Map<String, TaskSpec> byId) {
        List<String> dependents = new ArrayList<>();
        for (ClassifiedEdge edge : edges) {
            TaskSpec dependent = byId.get(edge.to());
            if (edge.from().equals(task) && edge.edgeClass().orders() && dependent != null
                    && !Pools.REVIEWERS.equals(dependent.pool()) && !dependents.contains(edge.to())) {
                dependents.add(edge.to());
            }
        }
        return dependents;
    }

    /** {@code wanted}, or with a number after it when the plan has that id, within the id length limit. */
    private static String freeId(String wanted, Map<String, TaskSpec> byId) {
        String id = clip(wanted, Limits.MAX_ID_LENGTH);
        for (int n = 2; byId.containsKey(id); n++) {
            String suffix = "-" + n;
            id = clip(wanted, Limits.MAX_ID_LENGTH - suffix.length()) + suffix;
        }
        return id;
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
