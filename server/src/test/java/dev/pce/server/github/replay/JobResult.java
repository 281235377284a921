package dev.pce.server.github.replay;

import java.util.List;
import java.util.Map;

/**
 * A job of the run: what {@code needs.<id>} sees (result and outputs) and each of its legs.
 *
 * @param legs        one per matrix combination (one without a matrix; none when the job was skipped or its matrix
 *                    could not be expanded)
 * @param annotations the job's own (an invalid {@code strategy}) and its legs'
 */
public record JobResult(String id, Result result, Map<String, String> outputs, List<LegResult> legs,
                        List<Annotation> annotations) {
    public JobResult {
        outputs = Map.copyOf(outputs);
        legs = List.copyOf(legs);
        annotations = List.copyOf(annotations);
    }

    /** The only leg, for a job without a matrix. */
    public LegResult leg() {
        if (legs.size() != 1) {
            throw new AssertionError("job '" + id + "' has " + legs.size() + " legs, not one");
        }
        return legs.getFirst();
    }

    /** The leg whose name is {@code name}. */
    public LegResult leg(String name) {
        return legs.stream().filter(leg -> leg.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "job '" + id + "' has no leg '" + name + "'; legs: " + legs.stream().map(LegResult::name).toList()));
    }
}
