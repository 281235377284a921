package dev.pce.engine.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pce.engine.model.TaskStatus;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One task: what it is, where it stands at the report's time and every attempt at it, oldest first.
 *
 * @param status the task's status at the report's time
 */
public record TaskMetrics(String id, String title, String kind, String pool, TaskStatus status,
                          List<Attempt> attempts) {

    public TaskMetrics {
        attempts = List.copyOf(attempts);
    }

    /** How long the attempt that completed the task took; empty while it is not done. */
    @JsonProperty("completed_seconds")
    public OptionalDouble completedSeconds() {
        return attempts.stream().filter(attempt -> attempt.outcome() == AttemptOutcome.COMPLETED)
                .mapToDouble(Attempt::durationSeconds).findFirst();
    }
}
