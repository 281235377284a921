package dev.pce.engine.event;

import java.util.Objects;

/** An event a command decided to record; the log gives it its id, sequence number and time. */
public record NewEvent(String source, EventPayload payload) {

    public NewEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }
}
