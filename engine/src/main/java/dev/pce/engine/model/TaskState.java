package dev.pce.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded state of one task. Immutable: each event that touches the task replaces it.
 *
 * @param attempts    how many times the task has been claimed
 * @param lastFailure    the most recent failure, also kept after a retry succeeds
 * @param partialOutputs partial outputs published and not rolled back, oldest first
 */
public record TaskState(TaskSpec spec, TaskPhase phase, Optional<Claim> claim, int attempts,
                        Optional<Completion> completion, Optional<Failure> lastFailure,
                        List<PartialOutput> partialOutputs) {

    public TaskState {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(lastFailure, "lastFailure");
        // snapshots written before partial outputs existed read back as null
        partialOutputs = partialOutputs == null ? List.of() : List.copyOf(partialOutputs);
    }

    public static TaskState planned(TaskSpec spec) {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                List.of());
    }

    public String id() {
        return spec.id();
    }

    public TaskState claimedBy(Claim newClaim) {
        return new TaskState(spec, TaskPhase.CLAIMED, Optional.of(newClaim), attempts + 1, completion, lastFailure,
                partialOutputs);
    }

    public TaskState released() {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), attempts, completion, lastFailure,
                partialOutputs);
    }

    public TaskState completed(Completion done) {
        return new TaskState(spec, TaskPhase.DONE, claim, attempts, Optional.of(done), lastFailure, partialOutputs);
    }

    public TaskState failed(Failure failure, boolean retry) {
        return new TaskState(spec, retry ? TaskPhase.PENDING : TaskPhase.FAILED,
                retry ? Optional.empty() : claim, attempts, completion, Optional.of(failure), partialOutputs);
    }

    /** With one more partial output. */
    public TaskState progressed(PartialOutput output) {
        List<PartialOutput> outputs = new ArrayList<>(partialOutputs);
        outputs.add(output);
        return new TaskState(spec, phase, claim, attempts, completion, lastFailure, outputs);
    }

    /** Without the partial output for {@code artifact}, or without any when {@code artifact} is empty. */
    public TaskState rolledBack(String artifact) {
        List<PartialOutput> outputs = artifact.isEmpty() ? List.of()
                : partialOutputs.stream().filter(output -> !output.artifact().equals(artifact)).toList();
        return new TaskState(spec, phase, claim, attempts, completion, lastFailure, outputs);
    }

    /** Whether a task that depends on this one softly may start: it is done or has a partial output out. */
    public boolean hasOutputForSoftDependents() {
        return phase == TaskPhase.DONE || !partialOutputs.isEmpty();
    }
}
