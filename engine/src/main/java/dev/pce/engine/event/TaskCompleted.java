package dev.pce.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.List;
import java.util.Objects;

/**
 * The claimant finished the task. {@code late} marks a completion reported after the lease ran out but
 * before anyone else claimed the task (the work is kept).
 */
public record TaskCompleted(String taskId, String claimId, String summary, List<String> artifacts, JsonNode data,
                            boolean late) implements TaskEvent {
    public static final String TYPE = "task.completed";

    public TaskCompleted {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(summary, "summary");
        // written without data when it had none (null is left out of the JSON)
        data = data == null ? NullNode.getInstance() : data;
        artifacts = List.copyOf(artifacts);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
