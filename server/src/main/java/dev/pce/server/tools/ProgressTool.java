package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workflow.ProgressCommand;

/**
 * ce_progress: the claimant of a running task publishes a partial output (tasks depending on it softly may start)
 * or rolls partial outputs back (those that started on them wait again).
 */
public final class ProgressTool implements CeTool {
    private final WorkflowService workflows;

    public ProgressTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_PROGRESS.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        String workflowId = CommonArgs.workflowId(args);
        boolean rollback = args.bool("rollback", false);
        String artifact = rollback ? args.optionalString("artifact", Limits.MAX_PATH_LENGTH).orElse("")
                : args.requiredText("artifact", Limits.MAX_PATH_LENGTH);
        ProgressCommand command = new ProgressCommand(CommonArgs.taskId(args), CommonArgs.claimId(args),
                CommonArgs.agent(args), artifact, args.optionalString("note", Limits.MAX_TEXT_LENGTH).orElse(""),
                rollback);
        return ToolOutput.json(workflows.progress(workflowId, command));
    }
}
