package dev.pce.engine.service;

import java.util.List;

/**
 * A person's decision on a conflict, as recorded.
 *
 * @param recorded false when the same decision was recorded before
 * @param added    rework and re-review added when the person asked for changes
 */
public record ResolveOutcome(String workflowId, String conflictId, String decision, boolean recorded,
                             List<String> added) {

    public ResolveOutcome {
        added = List.copyOf(added);
    }
}
