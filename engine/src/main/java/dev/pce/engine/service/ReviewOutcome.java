package dev.pce.engine.service;

import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;

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
 * @param rule       the conflict rule that decided, with the conflict (a learned one is named
 *                   {@code learned:escalation:<situation>})
 * @param reason     why it decided so, with the conflict
 * @param rulesVersion the learned rules version of the deciding rule, when a learned rule decided
 */
public record ReviewOutcome(TaskResult review, boolean approved, QualityDecision decision,
                            Optional<String> conflictId, List<String> added, Optional<String> rule,
                            Optional<String> reason, Optional<Integer> rulesVersion) {

    public ReviewOutcome {
        added = List.copyOf(added);
    }

    /** The outcome of a review the conflict rules did not weigh (one reviewer). */
    public ReviewOutcome(TaskResult review, boolean approved, QualityDecision decision, List<String> added) {
        this(review, approved, decision, Optional.empty(), added, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The outcome of a review whose work the conflict rules weighed ({@code resolved}, recorded as conflictId). */
    public static ReviewOutcome decided(TaskResult review, boolean approved, String conflictId,
                                        QualityResolution resolved, List<String> added) {
        return new ReviewOutcome(review, approved, resolved.decision(), Optional.of(conflictId), added,
                Optional.of(resolved.rule()), Optional.of(resolved.reason()), resolved.rulesVersion());
    }
}
