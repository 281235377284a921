package dev.pce.engine.event;

import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;

import java.util.List;
import java.util.Objects;

/**
 * A running workflow's plan edited ({@code ce_edit}, {@code ce edit}): the edits as asked, and what they changed, so a
 * replay needs no rules. Folding it removes {@code removed}, puts {@code changed} in place of the tasks of the same
 * id, appends {@code added}, and takes {@code edgesRemoved} out of the relations and {@code edgesAdded} into them.
 *
 * @param requestId the caller's id of the request: the same request again records nothing
 * @param digest    what the request asked for, condensed: the same id with other edits is refused
 * @param edits     each edit in words, in the order asked
 * @param added     new tasks (added ones, the subtasks of a split), in plan order
 * @param removed   ids of the tasks removed (removed ones, split ones)
 * @param changed   tasks whose estimate or dependencies changed, as they are now
 */
public record PlanEdited(String requestId, String digest, String reason, List<String> edits, List<TaskSpec> added,
                         List<String> removed, List<TaskSpec> changed, List<ClassifiedEdge> edgesAdded,
                         List<ClassifiedEdge> edgesRemoved) implements EventPayload {
    public static final String TYPE = "workflow.plan_edited";

    public PlanEdited {
        Objects.requireNonNull(requestId, "requestId");
        digest = digest == null ? "" : digest;
        reason = reason == null ? "" : reason;
        edits = edits == null ? List.of() : List.copyOf(edits);
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        changed = changed == null ? List.of() : List.copyOf(changed);
        edgesAdded = edgesAdded == null ? List.of() : List.copyOf(edgesAdded);
        edgesRemoved = edgesRemoved == null ? List.of() : List.copyOf(edgesRemoved);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
