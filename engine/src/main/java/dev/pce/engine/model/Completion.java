package dev.pce.engine.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What an agent reported when it finished a task. {@code data} is free-form, bounded JSON. */
public record Completion(String agent, String claimId, Instant at, String summary, List<String> artifacts,
                         JsonNode data) {

    public Completion {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(summary, "summary");
        artifacts = List.copyOf(artifacts);
        Objects.requireNonNull(data, "data");
    }
}
