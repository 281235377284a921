package dev.pce.rules.conflict;

import dev.pce.engine.conflict.ReviewVerdict;
import dev.pce.engine.gate.Dimension;

import java.util.List;
import java.util.stream.Collectors;

/** A reviewer's verdict on one dimension. */
public record DimensionVerdict(String reviewer, Dimension dimension, ReviewVerdict verdict) {

    /** "r1, r3", the reviewers of a DRL collect list. */
    public static String reviewers(List<?> verdicts) {
        return verdicts.stream().map(DimensionVerdict.class::cast).map(DimensionVerdict::reviewer)
                .collect(Collectors.joining(", "));
    }
}
