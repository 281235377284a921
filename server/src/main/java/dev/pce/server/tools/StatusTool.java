package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.service.WorkflowStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ce_status: one workflow in full, or a summary line for every workflow of the workspace.
 *
 * <p>Agents poll status between tasks, mostly finding nothing changed. The service then hands out the very same
 * status instance, and the answer made from it last time is reused instead of serializing a large workflow again.
 */
public final class StatusTool implements CeTool {
    private static final int CACHED_WORKFLOWS = 16;

    private final WorkflowService workflows;
    private final Map<String, Answer> lastAnswers = new LinkedHashMap<>(CACHED_WORKFLOWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > CACHED_WORKFLOWS;
        }
    };

    private record Answer(WorkflowStatus source, ToolOutput output) {
    }

    public StatusTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return "ce_status";
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        var workflowId = args.optionalString("workflow_id", Limits.MAX_ID_LENGTH);
        if (workflowId.isEmpty()) {
            return ToolOutput.json(workflows.list());
        }
        WorkflowStatus full = workflows.status(Ids.requireWorkflowId(workflowId.get(), "workflow_id"));
        boolean includeTasks = args.bool("include_tasks", true);
        String key = full.workflowId() + (includeTasks ? "/tasks" : "/summary");
        synchronized (lastAnswers) {
            Answer last = lastAnswers.get(key);
            if (last != null && last.source() == full) {
                return last.output();
            }
        }
        ToolOutput output = answer(includeTasks ? full : withoutTasks(full));
        synchronized (lastAnswers) {
            lastAnswers.put(key, new Answer(full, output));
        }
        return output;
    }

    private static WorkflowStatus withoutTasks(WorkflowStatus status) {
        return new WorkflowStatus(status.workflowId(), status.goal(), status.phase(), status.createdAt(),
                status.updatedAt(), status.lastSeq(), status.taskCount(), status.progressPercent(), status.counts(),
                status.pools(), List.of(), status.blocked(), status.schedule());
    }

    private static ToolOutput answer(WorkflowStatus status) {
        return ToolOutput.withText(Map.of("workflow", status), StatusDigest.of(status));
    }
}
