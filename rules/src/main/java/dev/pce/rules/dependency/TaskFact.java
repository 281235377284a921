package dev.pce.rules.dependency;

/**
 * A task as the dependency rules see it.
 *
 * @param index    the task's position in the plan (the tie-breaker for ordering output and unordered pairs)
 * @param reviewer whether the task runs in the reviewers pool, which makes it a review of what it depends on
 */
public record TaskFact(String id, int index, String kind, String pool, boolean reviewer) {
}
