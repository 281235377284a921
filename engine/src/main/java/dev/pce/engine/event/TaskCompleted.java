package dev.pce.engine.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The claimant finished the task. {@code late} marks a completion reported after the lease ran out but
 * before anyone else claimed the task (the work is kept).
 */
public record TaskCompleted(String taskId, String claimId, String summary, List<String> artifacts, JsonNode data,
                            boolean late) implements TaskEvent {
    public static final String TYPE = "task.completed";

    public TaskCompleted {
        artifacts = List.copyOf(artifacts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
