package dev.pce.rules.conflict;

import dev.pce.engine.gate.Dimension;

/**
 * The tally of one dimension: the reviewers' verdicts on it (only those who gave one) and its unresolved findings.
 * One per dimension that has either.
 */
public record DimensionTally(Dimension dimension, Tally tally) {
}
