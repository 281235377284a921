package dev.pce.engine.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event of a type this version does not know (written by a newer PCE). It is kept, listed and ignored by
 * the state fold, so an older server can still read a newer log.
 */
public record UnrecognizedPayload(String type, JsonNode raw) implements EventPayload {
}
