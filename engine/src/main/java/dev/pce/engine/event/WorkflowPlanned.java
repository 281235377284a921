package dev.pce.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first event of every workflow: its goal, validated plan, and the classified relations between its tasks
 * (recorded, so replays do not depend on the rules in force later).
 */
public record WorkflowPlanned(String goal, List<TaskSpec> tasks, List<ClassifiedEdge> edges,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> plannedEstimates)
        implements EventPayload {
    public static final String TYPE = "workflow.planned";

    /**
     * @param plannedEstimates the planner's own estimate of each task whose estimate learned patterns corrected
     *                         (the tasks carry the corrected one); learning measures against the planner's, or it
     *                         would only learn what the correction left over
     */
    public WorkflowPlanned {
        Objects.requireNonNull(goal, "goal");
        tasks = List.copyOf(tasks);
        // plans recorded before edges were classified: their declared dependencies, as declared
        edges = edges == null ? ClassifiedEdge.declaredOnly(tasks) : List.copyOf(edges);
        plannedEstimates = plannedEstimates == null ? Map.of() : Map.copyOf(plannedEstimates);
    }

    public WorkflowPlanned(String goal, List<TaskSpec> tasks, List<ClassifiedEdge> edges) {
        this(goal, tasks, edges, Map.of());
    }

    /** A plan whose relations are its declared dependencies only (tests, and plans from older versions). */
    public WorkflowPlanned(String goal, List<TaskSpec> tasks) {
        this(goal, tasks, ClassifiedEdge.declaredOnly(tasks));
    }

    /** The estimate the planner gave {@code task}: before any learned correction. */
    public double plannedEstimate(TaskSpec task) {
        return plannedEstimates.getOrDefault(task.id(), task.estimateMinutes());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
