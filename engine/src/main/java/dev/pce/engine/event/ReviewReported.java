package dev.pce.engine.event;

import dev.pce.engine.conflict.DimensionReview;

import java.util.List;
import java.util.Objects;

/**
 * A reviewer's verdicts on the tasks a review task reviews; the panel of every review of a task is what the
 * conflict rules weigh when reviewers disagree.
 *
 * @param reviewed the tasks the review covers
 */
public record ReviewReported(String reviewTaskId, String reviewer, List<String> reviewed,
                             List<DimensionReview> reviews) implements EventPayload {
    public static final String TYPE = "review.reported";

    public ReviewReported {
        Objects.requireNonNull(reviewTaskId, "reviewTaskId");
        Objects.requireNonNull(reviewer, "reviewer");
        reviewed = List.copyOf(reviewed);
        reviews = List.copyOf(reviews);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
