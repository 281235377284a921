package dev.pce.engine.model;

import java.time.Instant;
import java.util.Objects;

/** A partial output a task published while running: enough for tasks that depend on it softly to start. */
public record PartialOutput(String claimId, String artifact, String note, Instant at) {

    public PartialOutput {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }
}
