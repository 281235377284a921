package dev.pce.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first event of every workflow: its goal, validated plan, and the classified relations between its tasks
 * (recorded, so replays do not depend on the rules in force later), and the agents per pool it was scheduled with
 * when they were not the configured ones (recorded, so the live schedule keeps them after a restart).
 */
public record WorkflowPlanned(String goal, List<TaskSpec> tasks, List<ClassifiedEdge> edges,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> plannedEstimates,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> poolSizes)
        implements EventPayload {
    public static final String TYPE = "workflow.planned";

    /**
     * @param plannedEstimates the planner's own estimate of each task whose estimate learned patterns corrected
     *                         (the tasks carry the corrected one); learning measures against the planner's, or it
     *                         would only learn what the correction left over
     * @param poolSizes        the agents per pool the plan was scheduled with, when they are not the configured
     *                         ones (recommended sizes applied, {@code pool_sizing: {apply: true}}); empty: the
     *                         configured pools, as in every log written before this was recorded
     */
    public WorkflowPlanned {
        Objects.requireNonNull(goal, "goal");
        tasks = List.copyOf(tasks);
        // plans recorded before edges were classified: their declared dependencies, as declared
        edges = edges == null ? ClassifiedEdge.declaredOnly(tasks) : List.copyOf(edges);
        plannedEstimates = plannedEstimates == null ? Map.of() : Map.copyOf(plannedEstimates);
        poolSizes = poolSizes == null ? Map.of() : Map.copyOf(poolSizes);
    }

    /** A plan scheduled with the configured pools. */
    public WorkflowPlanned(String goal, List<TaskSpec> tasks, List<ClassifiedEdge> edges,
                           Map<String, Double> plannedEstimates) {
        this(goal, tasks, edges, plannedEstimates, Map.of());
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
