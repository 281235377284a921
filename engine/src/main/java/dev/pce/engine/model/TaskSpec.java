package dev.pce.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One planned task as the planner declared it. Immutable; the plan's order of tasks is kept and used as the
 * tie-breaker wherever several tasks are equally eligible.
 *
 * @param pool            the agent pool that runs it (derived from {@code kind} when the planner did not name one)
 * @param estimateMinutes the planner's estimate of the work, in minutes
 * @param reads           files or resources the task reads
 * @param writes          files or resources the task writes
 * @param dependsOn       ids of tasks whose finished output this task needs
 */
public record TaskSpec(
        String id,
        String title,
        String kind,
        String pool,
        double estimateMinutes,
        List<String> reads,
        List<String> writes,
        List<String> dependsOn,
        String description) {

    public TaskSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pool, "pool");
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        dependsOn = List.copyOf(dependsOn);
        description = description == null ? "" : description;
    }
}
