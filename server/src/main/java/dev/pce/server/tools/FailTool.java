package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.FailCommand;

/** ce_fail: the claimant gives up on its task, optionally asking for a retry. */
public final class FailTool implements CeTool {
    private final WorkflowService workflows;

    public FailTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return "ce_fail";
    }

    @Override
    public JsonNode call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        FailCommand command = new FailCommand(CommonArgs.taskId(args), CommonArgs.claimId(args),
                CommonArgs.agent(args), args.requiredString("reason", Limits.MAX_TEXT_LENGTH),
                args.bool("retryable", false));
        return Json.mapper().valueToTree(workflows.fail(workflowId, command));
    }
}
