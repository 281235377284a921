package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.service.WorkflowStatus;

import java.util.List;

/** ce_status: one workflow in full, or a summary line for every workflow of the workspace. */
public final class StatusTool implements CeTool {
    private final WorkflowService workflows;

    public StatusTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return "ce_status";
    }

    @Override
    public JsonNode call(ToolArgs args) {
        ObjectNode result = Json.mapper().createObjectNode();
        var workflowId = args.optionalString("workflow_id", Limits.MAX_ID_LENGTH);
        if (workflowId.isEmpty()) {
            result.set("workflows", Json.mapper().valueToTree(workflows.list()));
            return result;
        }
        WorkflowStatus status = workflows.status(Ids.requireWorkflowId(workflowId.get(), "workflow_id"));
        if (!args.bool("include_tasks", true)) {
            status = new WorkflowStatus(status.workflowId(), status.goal(), status.phase(), status.createdAt(),
                    status.updatedAt(), status.lastSeq(), status.taskCount(), status.progressPercent(),
                    status.counts(), status.pools(), List.of(), status.blocked());
        }
        result.set("workflow", Json.mapper().valueToTree(status));
        return result;
    }
}
