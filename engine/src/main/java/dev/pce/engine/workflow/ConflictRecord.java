package dev.pce.engine.workflow;

import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualityResolution;
import dev.pce.engine.conflict.TimelineResolution;
import dev.pce.engine.event.ConflictOverridden;
import dev.pce.engine.event.ConflictResolved;
import dev.pce.engine.event.ReviewReported;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's conflicts and reviews: every resolution so far, the human decisions on them, and the reviews
 * reported. Immutable; each event gives a new record.
 *
 * @param resolutions   every conflict resolved, in order; the id of the n-th is "conflict-n"
 * @param overrides     the decisions people made with ce_resolve
 * @param reviews       every review reported, in order
 * @param escalatedFrom for each escalated quality conflict, the review task whose dependents wait for a person
 */
public record ConflictRecord(List<ConflictResolved> resolutions, List<ConflictOverridden> overrides,
                             List<ReviewReported> reviews, List<Escalation> escalatedFrom) {
    public static final ConflictRecord EMPTY = new ConflictRecord(List.of(), List.of(), List.of(), List.of());

    /** An escalated review: the conflict and the review task whose dependents wait for the decision. */
    public record Escalation(String conflictId, String reviewTaskId) {
    }

    public ConflictRecord {
        resolutions = List.copyOf(resolutions);
        overrides = List.copyOf(overrides);
        reviews = List.copyOf(reviews);
        escalatedFrom = List.copyOf(escalatedFrom);
    }

    /** The id the next resolution gets. */
    public String nextId() {
        return "conflict-" + (resolutions.size() + 1);
    }

    ConflictRecord with(ConflictResolved resolved, Optional<String> escalatingReview) {
        List<ConflictResolved> all = new ArrayList<>(resolutions);
        all.add(resolved);
        List<Escalation> escalations = new ArrayList<>(escalatedFrom);
        escalatingReview.ifPresent(review -> escalations.add(new Escalation(resolved.conflictId(), review)));
        return new ConflictRecord(all, overrides, reviews, escalations);
    }

    ConflictRecord with(ConflictOverridden overridden) {
        List<ConflictOverridden> all = new ArrayList<>(overrides);
        all.add(overridden);
        return new ConflictRecord(resolutions, all, reviews, escalatedFrom);
    }

    ConflictRecord with(ReviewReported review) {
        List<ReviewReported> all = new ArrayList<>(reviews);
        all.add(review);
        return new ConflictRecord(resolutions, overrides, all, escalatedFrom);
    }

    public Optional<ConflictResolved> resolution(String conflictId) {
        return resolutions.stream().filter(r -> r.conflictId().equals(conflictId)).findFirst();
    }

    public boolean overridden(String conflictId) {
        return overrides.stream().anyMatch(o -> o.conflictId().equals(conflictId));
    }

    /** Escalated reviews no person has decided yet. */
    public List<Escalation> openEscalations() {
        return escalatedFrom.stream().filter(escalation -> !overridden(escalation.conflictId())).toList();
    }

    /** The reviews reported on {@code taskId}, in order. */
    public List<ReviewReported> reviewsOf(String taskId) {
        return reviews.stream().filter(review -> review.reviewed().contains(taskId)).toList();
    }

    /** Whether the task was rescheduled already while under the claim it holds now. */
    public boolean rescheduled(String taskId, String claimId) {
        return resolutions.stream().anyMatch(r -> r.resolution() instanceof TimelineResolution timeline
                && timeline.taskId().equals(taskId) && claimId.equals(r.claimId()));
    }

    /** Whether {@code resolved} escalates a review to a person. */
    static boolean escalates(ConflictResolved resolved) {
        return resolved.resolution() instanceof QualityResolution quality
                && quality.decision() == QualityDecision.ESCALATE;
    }
}
