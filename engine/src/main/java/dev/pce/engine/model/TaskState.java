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
 * @param failedClaims   the claims every recorded failure was reported under, oldest first: a repeated report of
 *                       any of them (a lost answer) is recognised, even after later attempts failed too
 */
public record TaskState(TaskSpec spec, TaskPhase phase, Optional<Claim> claim, int attempts,
                        Optional<Completion> completion, Optional<Failure> lastFailure,
                        List<PartialOutput> partialOutputs, List<String> failedClaims) {

    public TaskState {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(lastFailure, "lastFailure");
        // snapshots written before partial outputs existed read back as null
        partialOutputs = partialOutputs == null ? List.of() : List.copyOf(partialOutputs);
        failedClaims = failedClaims == null ? List.of() : List.copyOf(failedClaims);
    }

    public static TaskState planned(TaskSpec spec) {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }

    public String id() {
        return spec.id();
    }

    /** The same task planned with another estimate (a rescheduled task's revised one). */
    public TaskState withEstimate(double minutes) {
        return new TaskState(spec.withEstimate(minutes), phase, claim, attempts, completion, lastFailure,
                partialOutputs, failedClaims);
    }

    /** The same task with its plan edited ({@code ce_edit}): its estimate or its dependencies. */
    public TaskState withSpec(TaskSpec edited) {
        return new TaskState(edited, phase, claim, attempts, completion, lastFailure, partialOutputs, failedClaims);
    }

    public TaskState claimedBy(Claim newClaim) {
        return new TaskState(spec, TaskPhase.CLAIMED, Optional.of(newClaim), attempts + 1, completion, lastFailure,
                partialOutputs, failedClaims);
    }

    public TaskState released() {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), attempts, completion, lastFailure,
                partialOutputs, failedClaims);
    }

    public TaskState completed(Completion done) {
        return new TaskState(spec, TaskPhase.DONE, claim, attempts, Optional.of(done), lastFailure, partialOutputs,
                failedClaims);
    }

    public TaskState failed(Failure failure, boolean retry) {
        List<String> failed = new ArrayList<>(failedClaims);
        failed.add(failure.claimId());
        return new TaskState(spec, retry ? TaskPhase.PENDING : TaskPhase.FAILED,
                retry ? Optional.empty() : claim, attempts, completion, Optional.of(failure), partialOutputs, failed);
    }

    /** Whether a failure was recorded under {@code claimId}. */
    public boolean failedUnder(String claimId) {
        return failedClaims.contains(claimId);
    }

    /**
     * Whether the failure recorded under {@code claimId} sent the task back to its pool: all did but the last one
     * of a task that failed for good.
     */
    public boolean retriedAfterFailureUnder(String claimId) {
        return failedUnder(claimId) && !(phase == TaskPhase.FAILED
                && lastFailure.map(failure -> failure.claimId().equals(claimId)).orElse(false));
    }

    /** With one more partial output. */
    public TaskState progressed(PartialOutput output) {
        List<PartialOutput> outputs = new ArrayList<>(partialOutputs);
        outputs.add(output);
        return new TaskState(spec, phase, claim, attempts, completion, lastFailure, outputs, failedClaims);
    }

    /** Without the partial output for {@code artifact}, or without any when {@code artifact} is empty. */
    public TaskState rolledBack(String artifact) {
        List<PartialOutput> outputs = artifact.isEmpty() ? List.of()
                : partialOutputs.stream().filter(output -> !output.artifact().equals(artifact)).toList();
        return new TaskState(spec, phase, claim, attempts, completion, lastFailure, outputs, failedClaims);
    }

    /** Whether a task that depends on this one softly may start: it is done or has a partial output out. */
    public boolean hasOutputForSoftDependents() {
        return phase == TaskPhase.DONE || !partialOutputs.isEmpty();
    }
}
