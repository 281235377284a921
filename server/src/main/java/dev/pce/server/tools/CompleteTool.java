package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.CompleteCommand;

/** ce_complete: the claimant reports its task done, with a summary and outputs for dependents. */
public final class CompleteTool implements CeTool {
    private final WorkflowService workflows;

    public CompleteTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_COMPLETE.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        CompleteCommand command = new CompleteCommand(CommonArgs.taskId(args), CommonArgs.claimId(args),
                CommonArgs.agent(args), args.optionalString("summary", Limits.MAX_TEXT_LENGTH).orElse(""),
                args.stringList("artifacts", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                args.object("data", Limits.MAX_PAYLOAD_BYTES));
        return ToolOutput.json(workflows.complete(workflowId, command));
    }
}
