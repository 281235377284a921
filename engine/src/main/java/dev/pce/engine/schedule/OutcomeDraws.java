package dev.pce.engine.schedule;

import dev.pce.engine.model.Pools;
import dev.pce.engine.model.TaskSpec;

/**
 * What happens to each task in one seeded run: how long each attempt takes, which attempts fail, which reviews ask
 * for changes. Each answer has its own random stream fixed by the seed and the task id (and the attempt), so a live
 * run whose agents ask the same questions does what the simulation of that seed did.
 *
 * @param maxAttempts a task is attempted at most this often (the server's limit): its last attempt never fails
 */
public record OutcomeDraws(DurationNoise noise, OutcomeRates rates, int maxAttempts) {

    public long seed() {
        return noise.seed();
    }

    /** How long the task's {@code attempt}-th attempt (from 1) takes, in minutes. */
    public double duration(TaskSpec task, int attempt) {
        return noise.duration(task, attempt);
    }

    /** Whether the task's {@code attempt}-th attempt fails (and the task goes back to its pool for a retry). */
    public boolean fails(TaskSpec task, int attempt) {
        return attempt < maxAttempts
                && RandomStreams.draw(seed(), "failure:" + task.id() + "#" + attempt) < rates.failureOf(task.kind());
    }

    /** Whether the review task asks for changes; only a task of the reviewers pool is a review. */
    public boolean asksForChanges(TaskSpec task) {
        return isReview(task) && RandomStreams.draw(seed(), "rework:" + task.id()) < rates.reworkOf(task.kind());
    }

    /** The tasks reviewers report with a verdict, which may send work back. */
    public static boolean isReview(TaskSpec task) {
        return task.pool().equals(Pools.REVIEWERS);
    }
}
