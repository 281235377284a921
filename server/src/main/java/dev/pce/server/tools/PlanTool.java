package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ce_plan: stores a goal and its tasks as a new workflow. */
public final class PlanTool implements CeTool {
    private static final Set<String> TASK_FIELDS = Set.of("id", "title", "kind", "pool", "estimate", "reads",
            "writes", "depends_on", "description");
    private static final double DEFAULT_ESTIMATE_MINUTES = 30;

    private final WorkflowService workflows;

    public PlanTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return "ce_plan";
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String goal = args.requiredString("goal", Limits.MAX_TEXT_LENGTH);
        String agent = args.optionalString("agent", Limits.MAX_ID_LENGTH)
                .map(name -> Ids.requireName(name, "agent")).orElse("planner");
        List<TaskSpec> tasks = new ArrayList<>();
        for (ToolArgs task : args.objectList("tasks", Limits.MAX_TASKS)) {
            tasks.add(task(task.allowOnly(TASK_FIELDS)));
        }
        return ToolOutput.json(workflows.plan(goal, tasks, agent));
    }

    private static TaskSpec task(ToolArgs task) {
        String id = Ids.requireName(task.requiredString("id", Limits.MAX_ID_LENGTH), task.where("id"));
        String title = task.requiredString("title", Limits.MAX_TITLE_LENGTH);
        String kind = task.requiredString("kind", Limits.MAX_ID_LENGTH);
        String pool = task.optionalString("pool", Limits.MAX_ID_LENGTH)
                .map(name -> Ids.requirePool(name, task.where("pool"))).orElse("");
        double estimate = task.raw("estimate").map(value -> Estimates.minutes(value, task.where("estimate")))
                .orElse(DEFAULT_ESTIMATE_MINUTES);
        List<String> dependsOn = new ArrayList<>();
        List<String> declared = task.stringList("depends_on", Limits.MAX_LIST_ITEMS, Limits.MAX_ID_LENGTH);
        for (int i = 0; i < declared.size(); i++) {
            dependsOn.add(Ids.requireName(declared.get(i), task.where("depends_on[" + i + "]")));
        }
        return new TaskSpec(id, title, kind, pool, estimate,
                task.stringList("reads", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                task.stringList("writes", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                dependsOn, task.optionalString("description", Limits.MAX_TEXT_LENGTH).orElse(""), Map.of(), List.of(),
                List.of());
    }
}
