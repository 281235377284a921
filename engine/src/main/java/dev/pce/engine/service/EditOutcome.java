package dev.pce.engine.service;

import java.util.List;
import java.util.Optional;

/**
 * A plan edit as recorded, and the workflow after it.
 *
 * @param recorded        false when the same request was recorded before (nothing more was changed)
 * @param edits           each edit of the request in words
 * @param added           ids of the tasks the edit added (new tasks, the subtasks of a split)
 * @param removed         ids of the tasks it removed (removed ones, split ones)
 * @param changed         ids of the tasks whose estimate or dependencies changed
 * @param relationsAdded  relations the rules gave the edited plan that it did not have
 * @param relationsRemoved relations it no longer has
 * @param ready           the tasks ready now
 * @param etaMinutes      the expected minutes to finish the remaining work, from the schedule recomputed for the
 *                        edited plan
 */
public record EditOutcome(String workflowId, String requestId, boolean recorded, List<String> edits,
                          List<String> added, List<String> removed, List<String> changed, int relationsAdded,
                          int relationsRemoved, List<String> ready, Optional<Double> etaMinutes) {

    public EditOutcome {
        edits = List.copyOf(edits);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        ready = List.copyOf(ready);
    }
}
