package dev.pce.engine.event;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.List;
import java.util.Objects;

/**
 * Tasks added to a running workflow: remediation tasks a failed gate asks for, rework a failed review sends back.
 * Their relations to each other and to the plan's tasks are recorded with them, like the plan's own.
 *
 * @param reason why they were added, in words ("gate 'wave-1' failed: coverage.line 61.0 < 80.0")
 * @param cause  what caused it, for tracing: a gate or review id
 */
public record TasksAdded(List<TaskSpec> tasks, List<ClassifiedEdge> edges, String reason, String cause)
        implements EventPayload {
    public static final String TYPE = "workflow.tasks_added";

    public TasksAdded {
        tasks = List.copyOf(tasks);
        edges = edges == null ? List.of() : List.copyOf(edges);
        Objects.requireNonNull(reason, "reason");
        cause = cause == null ? "" : cause;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
