package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.service.WorkflowService;

/**
 * ce_resolve: a person decides a conflict: an escalated review (approve, or request_changes to send the work back),
 * or any other decision of the conflict rules they accept or overrule. The decision and its reason are recorded.
 */
public final class ResolveTool implements CeTool {
    private final WorkflowService workflows;

    public ResolveTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_RESOLVE.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        return ToolOutput.json(workflows.resolve(CommonArgs.workflowId(args),
                args.requiredText("conflict_id", Limits.MAX_ID_LENGTH).strip(),
                args.requiredText("decision", 32).strip(), args.requiredText("reason", Limits.MAX_TEXT_LENGTH),
                CommonArgs.agent(args)));
    }
}
