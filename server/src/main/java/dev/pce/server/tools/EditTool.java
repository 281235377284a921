package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.PlanEdit;
import dev.pce.engine.service.WorkflowService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ce_edit: changes a running workflow's plan. The edits (add, remove, estimate, split, add_dependency,
 * drop_dependency) are checked as a whole and recorded as one event, or refused with nothing changed.
 */
public final class EditTool implements CeTool {
    /** At most this many edits per request: a plan's worth of new tasks is ce_plan's to take. */
    static final int MAX_EDITS = 1_000;
    private static final Set<String> EDIT_FIELDS = Set.of("op", "task", "task_id", "estimate", "into", "depends_on",
            "type");

    private final WorkflowService workflows;

    public EditTool(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String name() {
        return ToolName.CE_EDIT.wireName();
    }

    @Override
    public ToolOutput call(ToolArgs args) {
        return ToolOutput.json(workflows.editPlan(CommonArgs.workflowId(args),
                Ids.requireName(args.requiredString("request_id", Limits.MAX_ID_LENGTH), args.where("request_id")),
                edits(args), args.optionalString("reason", Limits.MAX_TEXT_LENGTH).orElse(""),
                CommonArgs.agent(args)));
    }

    /** The edits of a ce_edit request (the tool's arguments, or the file {@code ce edit} reads). */
    public static List<PlanEdit> edits(ToolArgs args) {
        List<PlanEdit> edits = new ArrayList<>();
        for (ToolArgs edit : args.objectList("edits", MAX_EDITS)) {
            edits.add(edit(edit.allowOnly(EDIT_FIELDS)));
        }
        if (edits.isEmpty()) {
            throw ToolArgs.invalid(args.where("edits") + " is empty.", "Give at least one edit, e.g. "
                    + "{\"op\": \"estimate\", \"task_id\": \"build-api\", \"estimate\": \"2h\"}.");
        }
        return edits;
    }

    private static PlanEdit edit(ToolArgs edit) {
        String op = edit.requiredString("op", 32);
        return switch (op) {
            case "add" -> new PlanEdit.AddTask(PlanTasks.task(edit.requiredObject("task")));
            case "remove" -> new PlanEdit.RemoveTask(CommonArgs.taskId(edit));
            case "estimate" -> new PlanEdit.Reestimate(CommonArgs.taskId(edit), edit.raw("estimate")
                    .map(value -> Estimates.minutes(value, edit.where("estimate")))
                    .orElseThrow(() -> ToolArgs.invalid(edit.where("estimate") + " is missing.",
                            "Give the new estimate in minutes or as a duration like \"2h\".")));
            case "split" -> new PlanEdit.SplitTask(CommonArgs.taskId(edit),
                    edit.objectList("into", Limits.MAX_LIST_ITEMS).stream().map(PlanTasks::subtask).toList());
            case "add_dependency" -> new PlanEdit.AddDependency(CommonArgs.taskId(edit), dependsOn(edit),
                    edit.optionalString("type", Limits.MAX_ID_LENGTH)
                            .map(type -> PlanTasks.edgeClass(type, edit.where("type"))));
            case "drop_dependency" -> new PlanEdit.DropDependency(CommonArgs.taskId(edit), dependsOn(edit));
            default -> throw ToolArgs.invalid(edit.where("op") + " is '" + Ids.clip(op) + "'; not an edit.",
                    "Use one of add, remove, estimate, split, add_dependency, drop_dependency.");
        };
    }

    private static String dependsOn(ToolArgs edit) {
        return Ids.requireName(edit.requiredString("depends_on", Limits.MAX_ID_LENGTH), edit.where("depends_on"));
    }
}
