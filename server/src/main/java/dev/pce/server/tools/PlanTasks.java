package dev.pce.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Limits;
import dev.pce.engine.model.EdgeClass;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code tasks} of a ce_plan input (the tool's arguments, or a plan file for {@code ce simulate}). */
public final class PlanTasks {
    private static final Set<String> TASK_FIELDS = Set.of("id", "title", "kind", "pool", "estimate", "reads",
            "writes", "depends_on", "produces", "consumes", "description");
    private static final Set<String> DEPENDENCY_FIELDS = Set.of("id", "type");
    private static final double DEFAULT_ESTIMATE_MINUTES = 30;

    private PlanTasks() {
    }

    /**
     * The tasks as declared, in order; errors name the field ({@code tasks[2].depends_on[0]}). More tasks than a plan
     * may hold are refused before any is read.
     */
    public static List<TaskSpec> read(ToolArgs args) {
        int count = args.raw("tasks").filter(JsonNode::isArray).map(JsonNode::size).orElse(0);
        if (count > Limits.MAX_TASKS) {
            throw new CeException(ErrorCode.INVALID_PLAN, String.format(Locale.ROOT, "Plan rejected: tasks has %,d"
                    + " items, more than the %,d tasks a plan may hold.", count, Limits.MAX_TASKS),
                    String.format(Locale.ROOT, "Split the goal into several workflows (one ce_plan each) of at most"
                            + " %,d tasks. Nothing was stored.", Limits.MAX_TASKS));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        for (ToolArgs task : args.objectList("tasks", Limits.MAX_TASKS)) {
            tasks.add(task(task));
        }
        return tasks;
    }

    /** One task of a plan, or one {@code ce_edit} adds. */
    static TaskSpec task(ToolArgs task) {
        return task(task.allowOnly(TASK_FIELDS), task.requiredString("kind", Limits.MAX_ID_LENGTH),
                DEFAULT_ESTIMATE_MINUTES);
    }

    /**
     * One subtask of a split ({@code ce_edit}): the kind and the estimate may be left out (empty kind, estimate 0),
     * to be taken from the task split.
     */
    static TaskSpec subtask(ToolArgs task) {
        return task(task.allowOnly(TASK_FIELDS), task.optionalString("kind", Limits.MAX_ID_LENGTH).orElse(""), 0);
    }

    private static TaskSpec task(ToolArgs task, String kind, double defaultEstimate) {
        String id = name(task);
        String title = task.requiredString("title", Limits.MAX_TITLE_LENGTH);
        String pool = task.optionalString("pool", Limits.MAX_ID_LENGTH)
                .map(name -> Ids.isPool(name) ? name : Ids.requirePool(name, task.where("pool"))).orElse("");
        // where it is, for a message, is spelt out only for a value that needs one (as for ids, below)
        double estimate = task.raw("estimate")
                .map(value -> value.isNumber() ? value.asDouble() : Estimates.minutes(value, task.where("estimate")))
                .orElse(defaultEstimate);
        List<String> dependsOn = new ArrayList<>();
        Map<String, EdgeClass> dependencyTypes = new LinkedHashMap<>();
        for (ToolArgs dependency : task.objectOrStringList("depends_on", Limits.MAX_LIST_ITEMS, "id")) {
            dependency.allowOnly(DEPENDENCY_FIELDS);
            String dependencyId = name(dependency);
            dependsOn.add(dependencyId);
            dependency.optionalString("type", Limits.MAX_ID_LENGTH)
                    .ifPresent(type -> dependencyTypes.put(dependencyId, edgeClass(type, dependency.where("type"))));
        }
        return new TaskSpec(id, title, kind, pool, estimate,
                task.stringList("reads", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                task.stringList("writes", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                dependsOn, task.optionalString("description", Limits.MAX_TEXT_LENGTH).orElse(""), dependencyTypes,
                task.stringList("produces", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                task.stringList("consumes", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH));
    }

    /** The id of a task or dependency; where it is, for the error, is spelt out only for an id that is no name. */
    private static String name(ToolArgs args) {
        String id = args.requiredString("id", Limits.MAX_ID_LENGTH);
        return Ids.isName(id) ? id : Ids.requireName(id, args.where("id"));
    }

    /** A declared dependency type: hard or soft (resource and feedback relations are derived, not declared). */
    static EdgeClass edgeClass(String type, String where) {
        return switch (type) {
            case "hard" -> EdgeClass.HARD;
            case "soft" -> EdgeClass.SOFT;
            default -> throw ToolArgs.invalid(where + " is '" + Ids.clip(type) + "'; a dependency is declared hard or soft.",
                    "Use \"hard\" (needs the finished output) or \"soft\" (may start on a partial output); "
                            + "resource and feedback relations are worked out from the files and kinds.");
        };
    }
}
