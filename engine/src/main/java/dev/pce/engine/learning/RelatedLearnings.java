package dev.pce.engine.learning;

import dev.pce.engine.knowledge.KnowledgeStore;
import dev.pce.engine.knowledge.NoteRef;
import dev.pce.engine.knowledge.RelatedNote;
import dev.pce.engine.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The past learnings most like each task of a new plan ("more like this" on the task's title, description and
 * files), so the agent who claims the task reads what went wrong or right before. Bounded: a plan of thousands of
 * tasks gets learnings for its first {@link #MAX_TASKS} tasks.
 */
public final class RelatedLearnings {
    public static final int PER_TASK = 3;
    public static final int MAX_TASKS = 100;

    private RelatedLearnings() {
    }

    /** A learning related to a task. */
    public record Learning(String vault, String id, String path, String title, String uri, float score) {
        static Learning of(RelatedNote related) {
            NoteRef note = related.note();
            return new Learning(note.vault(), note.id(), note.path(), note.title(), note.uri(), related.score());
        }
    }

    /** The learnings of one task, best first. */
    public record TaskLearnings(String taskId, List<Learning> notes) {
    }

    /**
     * For each of the first {@link #MAX_TASKS} tasks that has related notes, its best {@link #PER_TASK}.
     *
     * @throws dev.pce.engine.CeException when the store could not be opened
     */
    public static List<TaskLearnings> forTasks(KnowledgeStore knowledge, List<TaskSpec> tasks) {
        if (knowledge.isEmpty()) {
            return List.of(); // nothing to relate, no per-task queries
        }
        List<TaskLearnings> all = new ArrayList<>();
        for (TaskSpec task : tasks.subList(0, Math.min(MAX_TASKS, tasks.size()))) {
            List<Learning> notes = knowledge.related(text(task), Optional.empty(), PER_TASK).stream()
                    .map(Learning::of).toList();
            if (!notes.isEmpty()) {
                all.add(new TaskLearnings(task.id(), notes));
            }
        }
        return all;
    }

    /** What a task is about, for finding notes like it: its title, description and the files it writes. */
    static String text(TaskSpec task) {
        StringBuilder text = new StringBuilder(task.title()).append('\n').append(task.description());
        task.writes().forEach(file -> text.append('\n').append(file));
        return text.toString();
    }
}
