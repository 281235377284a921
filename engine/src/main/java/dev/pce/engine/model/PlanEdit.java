package dev.pce.engine.model;

import dev.pce.engine.PlainNumbers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to a running workflow's plan ({@code ce_edit}, {@code ce edit}). An edit request is a list of them,
 * applied in order to the plan and validated as a whole: all of them are recorded, or none.
 */
public sealed interface PlanEdit {

    /** The task the edit changes (for {@link AddTask}, the new one). */
    String taskId();

    /** The edit in a few words, for the event and the answer ("split build-api into build-api-1, build-api-2"). */
    String describe();

    /** A new task; its {@code depends_on} may name any task of the plan or one added before it. */
    record AddTask(TaskSpec task) implements PlanEdit {
        public AddTask {
            Objects.requireNonNull(task, "task");
        }

        @Override
        public String taskId() {
            return task.id();
        }

        @Override
        public String describe() {
            return "add " + task.id();
        }
    }

    /**
     * Removes a task that has not started. Its dependents wait for its prerequisites instead, so every order the
     * plan held through it still holds.
     */
    record RemoveTask(String taskId) implements PlanEdit {
        public RemoveTask {
            Objects.requireNonNull(taskId, "taskId");
        }

        @Override
        public String describe() {
            return "remove " + taskId;
        }
    }

    /** A new estimate for a task that has not started. */
    record Reestimate(String taskId, double estimateMinutes) implements PlanEdit {
        public Reestimate {
            Objects.requireNonNull(taskId, "taskId");
        }

        @Override
        public String describe() {
            return "re-estimate " + taskId + " to " + PlainNumbers.figures(estimateMinutes, 3) + " min";
        }
    }

    /**
     * A task becomes subtasks. Every subtask waits for the task's prerequisites (besides its own {@code depends_on},
     * which may name earlier subtasks); the task's dependents wait for the last subtasks: those no other subtask
     * waits for (the end of a chain, or every one of them when they run side by side).
     */
    record SplitTask(String taskId, List<TaskSpec> into) implements PlanEdit {
        public SplitTask {
            Objects.requireNonNull(taskId, "taskId");
            into = List.copyOf(into);
        }

        @Override
        public String describe() {
            return "split " + taskId + " into " + String.join(", ", into.stream().map(TaskSpec::id).toList());
        }
    }

    /** {@code taskId} also waits for {@code dependsOn}; {@code type} hard or soft, empty: the rules decide. */
    record AddDependency(String taskId, String dependsOn, Optional<EdgeClass> type) implements PlanEdit {
        public AddDependency {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(dependsOn, "dependsOn");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String describe() {
            return taskId + " depends on " + dependsOn + type.map(t -> " (" + t.wireName() + ")").orElse("");
        }
    }

    /** {@code taskId} no longer waits for {@code dependsOn}. */
    record DropDependency(String taskId, String dependsOn) implements PlanEdit {
        public DropDependency {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(dependsOn, "dependsOn");
        }

        @Override
        public String describe() {
            return taskId + " no longer depends on " + dependsOn;
        }
    }
}
