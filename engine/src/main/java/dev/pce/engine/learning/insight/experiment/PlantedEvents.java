package dev.pce.engine.learning.insight.experiment;

import dev.pce.engine.learning.insight.InsightEvent.Kind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the experiment planted in one workflow, each event found in the log by the call that caused it.
 *
 * @param insights  the planted insight events, each with the sequence number of the event of the log it is in (the
 *                  end of a failed workflow is in the same event as the failure that ended it)
 * @param missed    planted insight events the log does not hold (the engine did not do what was planted), per kind
 * @param routine   the routine events in the log: conflicts the rules decided (resources, reviews), gates that
 *                  passed, leases that ran out, each as its sequence number and what it was
 * @param unplanned insight events the log holds that nothing planted, as {@code kind@seq}
 */
record PlantedEvents(String workflowId, List<Planted> insights, Map<Kind, Integer> missed,
                     Map<Long, String> routine, List<String> unplanned) {
    PlantedEvents {
        insights = List.copyOf(insights);
        missed = missed.isEmpty() ? Map.of() : new EnumMap<>(missed);
        routine = Map.copyOf(routine);
        unplanned = List.copyOf(unplanned);
    }

    /** One planted insight event, in the event {@code seq} of the log. */
    record Planted(Kind kind, long seq) {
        /** As the notes' front matter names it: {@code kind@seq}. */
        String name() {
            return kind.wireName() + "@" + seq;
        }
    }

    /** The planted insight events as the notes' front matter names them. */
    Set<String> names() {
        return insights.stream().map(Planted::name).collect(Collectors.toSet());
    }
}
