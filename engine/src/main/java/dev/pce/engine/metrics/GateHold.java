package dev.pce.engine.metrics;

import dev.pce.engine.Elapsed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gate's wait: from an evaluation that blocked to the next evaluation of the same gate that passed, while the
 * later waves could not start.
 *
 * @param until   the passing evaluation; empty while the gate still blocks
 * @param seconds the hold's length, up to the report's time while it lasts
 */
public record GateHold(String gate, Instant from, Optional<Instant> until, double seconds) {

    /** The holds in {@code evaluations} (in event order); a hold still open ends at {@code asOf}. */
    static List<GateHold> of(List<GateEvaluation> evaluations, Instant asOf) {
        Map<String, Instant> blockedSince = new HashMap<>();
        List<GateHold> holds = new ArrayList<>();
        for (GateEvaluation evaluation : evaluations) {
            if (!evaluation.passed()) {
                blockedSince.putIfAbsent(evaluation.gate(), evaluation.at());
                continue;
            }
            Instant from = blockedSince.remove(evaluation.gate());
            if (from != null) {
                holds.add(new GateHold(evaluation.gate(), from, Optional.of(evaluation.at()),
                        Math.max(0, Elapsed.seconds(from, evaluation.at()))));
            }
        }
        for (GateEvaluation evaluation : evaluations) {
            Instant from = blockedSince.remove(evaluation.gate());
            if (from != null) {
                holds.add(new GateHold(evaluation.gate(), from, Optional.empty(),
                        Math.max(0, Elapsed.seconds(from, asOf))));
            }
        }
        return holds;
    }

    public boolean open() {
        return until.isEmpty();
    }
}
