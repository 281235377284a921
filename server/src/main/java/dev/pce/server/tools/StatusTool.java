package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.service.TaskView;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.service.WorkflowStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ce_status: one workflow with a page of its tasks ({@code offset}, {@code limit}), or a summary line for every
 * workflow of the workspace.
 *
 * <p>Agents poll status between tasks, mostly finding nothing changed. The service then hands out the very same
 * status instance, and the answer made from it last time is reused instead of serializing a large workflow again.
 */
public final class StatusTool implements CeTool {
    private static final int CACHED_WORKFLOWS = 16;
    /** Tasks per answer unless asked otherwise: about half of what fits in an answer a client accepts. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1_000;
    private static final int PAGE_BYTES = ToolOutput.MAX_BYTES / 2;

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
        return ToolName.CE_STATUS.wireName();
    }

    /** Which tasks of the workflow an answer lists: {@code limit} from {@code offset}, of {@code total}. */
    public record TasksPage(int offset, int limit, int returned, int total, Optional<Integer> nextOffset) {
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        var workflowId = args.optionalString("workflow_id", Limits.MAX_ID_LENGTH);
        if (workflowId.isEmpty()) {
            return ToolOutput.json(workflows.list());
        }
        WorkflowStatus full = workflows.status(Ids.requireWorkflowId(workflowId.get(), "workflow_id"));
        boolean includeTasks = args.bool("include_tasks", true);
        int offset = (int) args.integer("offset", 0, Limits.MAX_TASKS, 0);
        int limit = includeTasks ? (int) args.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT) : 0;
        String key = full.workflowId() + "/" + offset + "/" + limit;
        synchronized (lastAnswers) {
            Answer last = lastAnswers.get(key);
            if (last != null && last.source() == full) {
                return last.output();
            }
        }
        ToolOutput output = answer(full, offset, limit);
        synchronized (lastAnswers) {
            lastAnswers.put(key, new Answer(full, output));
        }
        return output;
    }

    /**
     * The status with one page of its tasks: at most {@code limit}, and no more than fit half an answer (the rest of
     * the status takes the other half), so {@code next_offset} is where the next page really starts. The digest
     * text covers the whole workflow.
     */
    private static ToolOutput answer(WorkflowStatus status, int offset, int limit) {
        List<TaskView> all = status.tasks();
        int from = Math.min(offset, all.size());
        int to = from;
        int bytes = 0;
        while (to < all.size() && to - from < limit) {
            bytes += ToolOutput.sizeOf(all.get(to)) + 1;
            if (bytes > PAGE_BYTES && to > from) {
                break;
            }
            to++;
        }
        WorkflowStatus page = new WorkflowStatus(status.workflowId(), status.goal(), status.phase(),
                status.createdAt(), status.updatedAt(), status.lastSeq(), status.taskCount(),
                status.progressPercent(), status.counts(), status.pools(), all.subList(from, to), status.blocked(),
                status.schedule());
        TasksPage tasksPage = new TasksPage(from, limit, to - from, all.size(),
                to < all.size() && limit > 0 ? Optional.of(to) : Optional.empty());
        return ToolOutput.withText(Map.of("workflow", page, "tasks_page", tasksPage),
                StatusDigest.of(status, tasksPage)).pagedAt("/workflow/tasks");
    }
}
