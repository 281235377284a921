package dev.pce.server.knowledge;

import dev.pce.engine.model.TaskSpec;
import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchQuery;

import java.util.ArrayList;
import java.util.List;

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
    }

    /** The learnings of one task, best first. */
    public record TaskLearnings(String taskId, List<Learning> notes) {
    }

    /** For each of the first {@link #MAX_TASKS} tasks that has related notes, its best {@link #PER_TASK}. */
    public static List<TaskLearnings> forTasks(Learnings learnings, List<TaskSpec> tasks) {
        if (learnings.searcher().search(new SearchQuery("", SearchFilters.NONE, 0, 1)).totalHits() == 0) {
            return List.of(); // an empty vault: nothing to relate, no per-task queries
        }
        List<TaskLearnings> all = new ArrayList<>();
        for (TaskSpec task : tasks.subList(0, Math.min(MAX_TASKS, tasks.size()))) {
            List<Learning> notes = learnings.searcher().moreLikeText(text(task), SearchFilters.NONE, PER_TASK).hits()
                    .stream().map(hit -> learning(learnings, hit)).toList();
            if (!notes.isEmpty()) {
                all.add(new TaskLearnings(task.id(), notes));
            }
        }
        return all;
    }

    private static String text(TaskSpec task) {
        StringBuilder text = new StringBuilder(task.title()).append('\n').append(task.description());
        task.writes().forEach(file -> text.append('\n').append(file));
        return text.toString();
    }

    private static Learning learning(Learnings learnings, SearchHit hit) {
        return new Learning(hit.vault(), hit.id(), hit.path(), hit.title(),
                NoteRefs.uri(hit.vault(), learnings.ownName(), hit.id()), hit.score());
    }
}
