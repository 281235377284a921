package dev.pce.engine.event;

import java.util.Objects;

/**
 * An event a command decided to record; the log gives it its id, sequence number and time.
 *
 * @param bound what the payload's JSON may take, checked by the log as it encodes the event (a plan's event is
 *              measured once, not serialized once more beforehand only to count its bytes)
 */
public record NewEvent(String source, EventPayload payload, PayloadBound bound) {

    public NewEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(bound, "bound");
    }

    /** An event whose size its command's input bounds already keep within the log's line bound. */
    public NewEvent(String source, EventPayload payload) {
        this(source, payload, PayloadBound.NONE);
    }

    /** Refuses a payload of {@code payloadBytes} bytes of JSON by throwing; nothing is written then. */
    @FunctionalInterface
    public interface PayloadBound {
        PayloadBound NONE = payloadBytes -> {
        };

        void require(long payloadBytes);
    }
}
