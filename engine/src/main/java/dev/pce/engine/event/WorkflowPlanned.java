package dev.pce.engine.event;

import dev.pce.engine.model.TaskSpec;

import java.util.List;

/** The first event of every workflow: its goal and validated plan. */
public record WorkflowPlanned(String goal, List<TaskSpec> tasks) implements EventPayload {
    public static final String TYPE = "workflow.planned";

    public WorkflowPlanned {
        tasks = List.copyOf(tasks);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
