package dev.pce.engine.conflict;

import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.Finding;

import java.util.List;
import java.util.Objects;

/** A reviewer's verdict on one dimension (tests, security, docs, ...) with the findings behind it. */
public record DimensionReview(Dimension dimension, ReviewVerdict verdict, List<Finding> findings) {

    public DimensionReview {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
    }
}
