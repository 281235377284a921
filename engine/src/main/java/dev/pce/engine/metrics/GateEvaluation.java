package dev.pce.engine.metrics;

import java.time.Instant;
import java.util.List;

/**
 * One {@code gate.evaluated} event.
 *
 * @param passed         the verdict did not block
 * @param failedCriteria the criteria that did not pass (a warning fails without blocking)
 */
public record GateEvaluation(String gate, int wave, Instant at, boolean passed, List<String> failedCriteria) {

    public GateEvaluation {
        failedCriteria = List.copyOf(failedCriteria);
    }
}
