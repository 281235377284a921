package dev.pce.engine.service;

import java.util.List;

/**
 * What a review report did.
 *
 * @param review   the review task, now done, and what its completion unblocked
 * @param approved every dimension was approved
 * @param added    the rework tasks and the re-review added when it was not (empty otherwise, or on a repeat)
 */
public record ReviewOutcome(TaskResult review, boolean approved, List<String> added) {

    public ReviewOutcome {
        added = List.copyOf(added);
    }
}
