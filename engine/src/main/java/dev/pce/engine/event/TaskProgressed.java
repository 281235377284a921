package dev.pce.engine.event;

import java.util.Objects;

/** The claimant published a partial output: tasks that depend on this one softly may start on it. */
public record TaskProgressed(String taskId, String claimId, String artifact, String note) implements TaskEvent {
    public static final String TYPE = "task.progressed";

    public TaskProgressed {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(artifact, "artifact");
        note = note == null ? "" : note;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
