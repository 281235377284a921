package dev.pce.engine.conflict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a running task's time against its estimate calls for. */
public enum TimelineDecision {
    /** Nothing to do. */
    ON_TRACK,
    /** Past its estimate by enough to watch; nothing is rescheduled yet. */
    WARN,
    /** Past k times its estimate: plan with a new estimate and act on the suggestion. */
    RESCHEDULE;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static TimelineDecision parse(String text) {
        return WireNames.parse(TimelineDecision.class, text, "timeline decision");
    }
}
