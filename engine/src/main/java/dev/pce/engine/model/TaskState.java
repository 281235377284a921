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
 * @param withdrawals    claims revoked and completions reopened because what they started on was withdrawn, oldest
 *                       first: a later report under one of them is refused saying why
 */
public record TaskState(TaskSpec spec, TaskPhase phase, Optional<Claim> claim, int attempts,
                        Optional<Completion> completion, Optional<Failure> lastFailure,
                        List<PartialOutput> partialOutputs, List<String> failedClaims,
                        List<Withdrawal> withdrawals) {

    public TaskState {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(lastFailure, "lastFailure");
        // snapshots written before partial outputs existed read back as null
        partialOutputs = partialOutputs == null ? List.of() : List.copyOf(partialOutputs);
        failedClaims = failedClaims == null ? List.of() : List.copyOf(failedClaims);
        withdrawals = withdrawals == null ? List.of() : List.copyOf(withdrawals);
    }

    public static TaskState planned(TaskSpec spec) {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of());
    }

    public String id() {
        return spec.id();
    }

    /** The same task planned with another estimate (a rescheduled task's revised one). */
    public TaskState withEstimate(double minutes) {
        return withSpec(spec.withEstimate(minutes));
    }

    /** The same task with its plan edited ({@code ce_edit}): its estimate or its dependencies. */
    public TaskState withSpec(TaskSpec edited) {
        return new TaskState(edited, phase, claim, attempts, completion, lastFailure, partialOutputs, failedClaims,
                withdrawals);
    }

    public TaskState claimedBy(Claim newClaim) {
        return new TaskState(spec, TaskPhase.CLAIMED, Optional.of(newClaim), attempts + 1, completion, lastFailure,
                partialOutputs, failedClaims, withdrawals);
    }

    public TaskState released() {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), attempts, completion, lastFailure,
                partialOutputs, failedClaims, withdrawals);
    }

    public TaskState completed(Completion done) {
        return new TaskState(spec, TaskPhase.DONE, claim, attempts, Optional.of(done), lastFailure, partialOutputs,
                failedClaims, withdrawals);
    }

    public TaskState failed(Failure failure, boolean retry) {
        List<String> failed = new ArrayList<>(failedClaims);
        failed.add(failure.claimId());
        return new TaskState(spec, retry ? TaskPhase.PENDING : TaskPhase.FAILED,
                retry ? Optional.empty() : claim, attempts, completion, Optional.of(failure), partialOutputs, failed,
                withdrawals);
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
        return new TaskState(spec, phase, claim, attempts, completion, lastFailure, outputs, failedClaims,
                withdrawals);
    }

    /** Without the partial output for {@code artifact}, or without any when {@code artifact} is empty. */
    public TaskState rolledBack(String artifact) {
        List<PartialOutput> outputs = artifact.isEmpty() ? List.of()
                : partialOutputs.stream().filter(output -> !output.artifact().equals(artifact)).toList();
        return new TaskState(spec, phase, claim, attempts, completion, lastFailure, outputs, failedClaims,
                withdrawals);
    }

    /**
     * Back to its pool with its claim revoked: the work under it started on something withdrawn. Its partial
     * outputs stay as they were (the revocation's cascade rolls them back first, with their own event).
     */
    public TaskState revoked(Withdrawal withdrawal) {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), attempts, completion, lastFailure,
                partialOutputs, failedClaims, withdrawn(withdrawal));
    }

    /**
     * A completed task back to its pool: it was completed on something withdrawn, so its completion and any
     * partial outputs it published no longer count.
     */
    public TaskState reopened(Withdrawal withdrawal) {
        return new TaskState(spec, TaskPhase.PENDING, Optional.empty(), attempts, Optional.empty(), lastFailure,
                List.of(), failedClaims, withdrawn(withdrawal));
    }

    private List<Withdrawal> withdrawn(Withdrawal withdrawal) {
        List<Withdrawal> all = new ArrayList<>(withdrawals);
        all.add(withdrawal);
        return all;
    }

    /** The withdrawal of the work done under {@code claimId}, if PCE took it back. */
    public Optional<Withdrawal> withdrawalOf(String claimId) {
        return withdrawals.stream().filter(withdrawal -> withdrawal.claimId().equals(claimId)).findFirst();
    }

    /**
     * Whether a task that depends on this one softly may start: it is done, or it runs (or waits for a retry) with a
     * partial output out. A task that failed for good has withdrawn its drafts.
     */
    public boolean hasOutputForSoftDependents() {
        return phase == TaskPhase.DONE || phase != TaskPhase.FAILED && !partialOutputs.isEmpty();
    }
}
