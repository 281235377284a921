package dev.pce.engine.service;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events to read: those after the cursor {@code after} (a seq), optionally only some types, one task or
 * the tasks of one pool.
 */
public record EventQuery(String workflowId, long after, Set<String> types, Optional<String> taskId,
                         Optional<String> pool, int limit) {

    public EventQuery {
        Objects.requireNonNull(workflowId, "workflowId");
        types = Set.copyOf(types);
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(pool, "pool");
    }
}
