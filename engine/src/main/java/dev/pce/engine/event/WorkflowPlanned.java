package dev.pce.engine.event;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.workflow.PlanRelations;

import java.util.List;

/**
 * The first event of every workflow: its goal, validated plan, and the classified relations between its tasks
 * (recorded, so replays do not depend on the rules in force later).
 */
public record WorkflowPlanned(String goal, List<TaskSpec> tasks, List<ClassifiedEdge> edges) implements EventPayload {
    public static final String TYPE = "workflow.planned";

    public WorkflowPlanned {
        tasks = List.copyOf(tasks);
        // plans recorded before edges were classified: their declared dependencies, as declared
        edges = edges == null ? PlanRelations.declaredOnly(tasks) : List.copyOf(edges);
    }

    /** A plan whose relations are its declared dependencies only (tests, and plans from older versions). */
    public WorkflowPlanned(String goal, List<TaskSpec> tasks) {
        this(goal, tasks, PlanRelations.declaredOnly(tasks));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
