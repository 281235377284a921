package dev.pce.engine.conflict;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The reviews of one task, to be weighed against each other.
 *
 * @param reviews one or more, one per reviewer
 */
public record ReviewPanel(String taskId, List<Review> reviews) implements ConflictCase {

    public ReviewPanel {
        Objects.requireNonNull(taskId, "taskId");
        reviews = List.copyOf(reviews);
        if (reviews.isEmpty()) {
            throw new IllegalArgumentException("task " + taskId + " has no reviews to weigh; give at least one review");
        }
        Set<String> reviewers = new HashSet<>();
        for (Review review : reviews) {
            if (!reviewers.add(review.reviewer())) {
                throw new IllegalArgumentException("task " + taskId + ": reviewer " + review.reviewer()
                        + " has two reviews; give each reviewer's latest review only");
            }
        }
    }

    public static ReviewPanel of(String taskId, Review... reviews) {
        return new ReviewPanel(taskId, List.of(reviews));
    }

    @Override
    public ConflictKind kind() {
        return ConflictKind.QUALITY;
    }
}
