package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.WorkflowService;

/** ce_plan: stores a goal and its tasks as a new workflow. */
public final class PlanTool implements CeTool {
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
        return ToolOutput.json(workflows.plan(goal, PlanTasks.read(args), agent));
    }
}
