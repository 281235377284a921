package dev.pce.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The recorded state of one task. Immutable: each event that touches the task replaces it.
 *
 * @param attempts    how many times the task has been claimed
 * @param lastFailure the most recent failure, also kept after a retry succeeds
 */
public record TaskState(TaskSpec spec, TaskPhase phase, Optional<Claim> claim, int attempts,
                        Optional<Completion> completion, Optional<Failure> lastFailure) {

    public TaskState {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    public static TaskState planned(TaskSpec spec) {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    public String id() {
        return spec.id();
    }

    public TaskState claimedBy(Claim newClaim) {
        return new TaskState(spec, TaskPhase.CLAIMED, Optional.of(newClaim), attempts + 1, completion, lastFailure);
    }

    public TaskState released() {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), attempts, completion, lastFailure);
    }

    public TaskState completed(Completion done) {
        return new TaskState(spec, TaskPhase.DONE, claim, attempts, Optional.of(done), lastFailure);
    }

    public TaskState failed(Failure failure, boolean retry) {
        return new TaskState(spec, retry ? TaskPhase.PENDING : TaskPhase.FAILED,
                retry ? Optional.empty() : claim, attempts, completion, Optional.of(failure));
    }
}
