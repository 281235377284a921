package dev.pce.engine.conflict;

import dev.pce.engine.gate.Dimension;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reviewer's review of a task.
 *
 * @param verdict    the overall verdict
 * @param dimensions verdicts on single dimensions, where the reviewer gave them ("security: reject"); may be empty
 * @param findings   what the reviewer found, resolved or not
 */
public record Review(String reviewer, ReviewVerdict verdict, Map<Dimension, ReviewVerdict> dimensions,
                     List<ReviewFinding> findings) {

    public Review {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(verdict, "verdict");
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("a review has no reviewer; name who reviewed");
        }
        Map<Dimension, ReviewVerdict> sorted = new EnumMap<>(Dimension.class);
        sorted.putAll(dimensions);
        dimensions = Collections.unmodifiableMap(sorted);
        findings = List.copyOf(findings);
    }

    /** A review with an overall verdict and findings, without verdicts per dimension. */
    public static Review of(String reviewer, ReviewVerdict verdict, ReviewFinding... findings) {
        return new Review(reviewer, verdict, Map.of(), List.of(findings));
    }

    /** The same review with a verdict on {@code dimension}. */
    public Review on(Dimension dimension, ReviewVerdict dimensionVerdict) {
        Map<Dimension, ReviewVerdict> more = new EnumMap<>(Dimension.class);
        more.putAll(dimensions);
        more.put(dimension, dimensionVerdict);
        return new Review(reviewer, verdict, more, findings);
    }
}
