package dev.pce.server.tools;

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
        return ToolName.CE_FAIL.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        FailCommand command = new FailCommand(CommonArgs.taskId(args), CommonArgs.claimId(args),
                CommonArgs.agent(args), args.requiredText("reason", Limits.MAX_TEXT_LENGTH),
                args.bool("retryable", false));
        return ToolOutput.json(workflows.fail(workflowId, command));
    }
}
