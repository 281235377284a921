package dev.pce.rules.conflict;

import dev.pce.engine.conflict.TimelineDecision;

/** A timeline rule's decision on a running task; rules create it through {@link Rulings}. */
public record TimelineRuling(TimelineDecision decision, double proposedEstimateMinutes, String suggestion,
                             String rule, String reason) {
}
