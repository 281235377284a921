package dev.pce.engine.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a workflow's event log.
 *
 * @param id     globally unique, time-ordered id (logs of parallel CI jobs merge by it)
 * @param seq    position in this workflow's log, from 1, strictly increasing, no gaps
 * @param source the agent (or component) that caused the event
 */
public record Event(String id, long seq, Instant time, String source, EventPayload payload) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    public String type() {
        return payload.type();
    }
}
