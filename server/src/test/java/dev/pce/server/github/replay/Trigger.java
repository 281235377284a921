package dev.pce.server.github.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What starts the run: an event's name and its webhook payload ({@code github.event}), and for
 * {@code workflow_dispatch} the inputs as the API passes them (strings; the workflow's declarations type them).
 */
public record Trigger(String eventName, JsonNode payload, Map<String, String> inputs) {
    public Trigger {
        inputs = Map.copyOf(inputs);
    }

    /** {@code workflow_dispatch} with these inputs (the payload carries them too, as GitHub's does). */
    public static Trigger dispatch(Map<String, String> inputs) {
        ObjectNode payload = Json.plain().createObjectNode();
        ObjectNode given = payload.putObject("inputs");
        new LinkedHashMap<>(inputs).forEach(given::put);
        return new Trigger("workflow_dispatch", payload, inputs);
    }

    /** Any other event, with its payload as JSON (e.g. {@code {"action":"created","comment":{"body":"..."}}}). */
    public static Trigger event(String eventName, String payloadJson) {
        try {
            return new Trigger(eventName, Json.plain().readTree(payloadJson), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload of '" + eventName + "' is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
