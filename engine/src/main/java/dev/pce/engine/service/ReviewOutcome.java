package dev.pce.engine.service;

import dev.pce.engine.conflict.QualityDecision;

import java.util.List;
import java.util.Optional;

/**
 * What a review report did.
 *
 * @param review     the review task, now done, and what its completion unblocked
 * @param approved   this reviewer approved every dimension
 * @param decision   what the reviews of the work add up to: approved, changes_required (rework was added) or
 *                   escalate (reviewers disagree beyond what the rules decide: a person decides with ce_resolve,
 *                   and the review's dependents wait)
 * @param conflictId the conflict the rules decided when several reviewers reviewed the work
 * @param added      the rework tasks and the re-review, when changes are required (empty otherwise, or on a repeat)
 */
public record ReviewOutcome(TaskResult review, boolean approved, QualityDecision decision,
                            Optional<String> conflictId, List<String> added) {

    public ReviewOutcome {
        added = List.copyOf(added);
    }
}
