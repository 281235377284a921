package dev.pce.server.tools;

import dev.pce.engine.Limits;
import dev.pce.engine.model.Ids;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code tasks} of a ce_plan input (the tool's arguments, or a plan file for {@code ce simulate}). */
public final class PlanTasks {
    private static final Set<String> TASK_FIELDS = Set.of("id", "title", "kind", "pool", "estimate", "reads",
            "writes", "depends_on", "description");
    private static final double DEFAULT_ESTIMATE_MINUTES = 30;

    private PlanTasks() {
    }

    /** The tasks as declared, in order; errors name the field ({@code tasks[2].depends_on[0]}). */
    public static List<TaskSpec> read(ToolArgs args) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (ToolArgs task : args.objectList("tasks", Limits.MAX_TASKS)) {
            tasks.add(task(task.allowOnly(TASK_FIELDS)));
        }
        return tasks;
    }

    private static TaskSpec task(ToolArgs task) {
        String id = Ids.requireName(task.requiredString("id", Limits.MAX_ID_LENGTH), task.where("id"));
        String title = task.requiredString("title", Limits.MAX_TITLE_LENGTH);
        String kind = task.requiredString("kind", Limits.MAX_ID_LENGTH);
        String pool = task.optionalString("pool", Limits.MAX_ID_LENGTH)
                .map(name -> Ids.requirePool(name, task.where("pool"))).orElse("");
        double estimate = task.raw("estimate").map(value -> Estimates.minutes(value, task.where("estimate")))
                .orElse(DEFAULT_ESTIMATE_MINUTES);
        List<String> dependsOn = new ArrayList<>();
        List<String> declared = task.stringList("depends_on", Limits.MAX_LIST_ITEMS, Limits.MAX_ID_LENGTH);
        for (int i = 0; i < declared.size(); i++) {
            dependsOn.add(Ids.requireName(declared.get(i), task.where("depends_on[" + i + "]")));
        }
        return new TaskSpec(id, title, kind, pool, estimate,
                task.stringList("reads", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                task.stringList("writes", Limits.MAX_LIST_ITEMS, Limits.MAX_PATH_LENGTH),
                dependsOn, task.optionalString("description", Limits.MAX_TEXT_LENGTH).orElse(""), Map.of(), List.of(),
                List.of());
    }
}
