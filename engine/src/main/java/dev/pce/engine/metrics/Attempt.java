package dev.pce.engine.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pce.engine.Elapsed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One claim of a task and how it ended: a bar on the timeline.
 *
 * @param number  1 for the task's first claim, 2 for the next, ...
 * @param pool    the pool the agent claimed from
 * @param readyAt when the task last became claimable before this claim; empty when the log holds a claim the task
 *                was not ready for (a merged log)
 * @param end     the completion, failure or revocation; the lease's end for an expired attempt; the report's time
 *                for a running one
 */
public record Attempt(String taskId, int number, String claimId, String agent, String pool,
                      Optional<Instant> readyAt, Instant start, Instant end, AttemptOutcome outcome) {

    public Attempt {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(outcome, "outcome");
        if (end.isBefore(start)) {
            end = start; // clocks of different machines in a merged log; an attempt never runs backwards
        }
    }

    @JsonProperty("duration_seconds")
    public double durationSeconds() {
        return Elapsed.seconds(start, end);
    }

    /** From ready to claimed; empty when the readiness is unknown. */
    @JsonProperty("wait_seconds")
    public OptionalDouble waitSeconds() {
        return readyAt.map(ready -> OptionalDouble.of(Math.max(0, Elapsed.seconds(ready, start))))
                .orElse(OptionalDouble.empty());
    }
}
