package dev.pce.engine.pools.experiment;

import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.DurationNoise;
import dev.pce.engine.schedule.RandomStreams;

import java.util.Map;

/**
 * The pool experiment's hidden world: how long each kind of task really takes against its estimate and how often
 * its first attempt fails. Planners and the default pool sizes do not know it; history measures it.
 *
 * @param durationFactors per kind, actual / estimated on average (missing kinds: 1)
 * @param failureChances  per kind, the chance that the first attempt fails halfway and is done again
 * @param noise           the lognormal spread of single durations around factor x estimate
 */
public record PoolWorld(Map<String, Double> durationFactors, Map<String, Double> failureChances, double noise) {

    public PoolWorld {
        durationFactors = Map.copyOf(durationFactors);
        failureChances = Map.copyOf(failureChances);
    }

    /**
     * Designs take twice their estimates, builds 1.3x, reviews 0.7x; builds fail 20% of first attempts, tests 10%:
     * the planners' one agent, not only the builders, holds work up.
     */
    public static PoolWorld defaults() {
        return new PoolWorld(Map.of("design", 2.0, "build", 1.3, "test", 1.0, "review", 0.7),
                Map.of("build", 0.2, "test", 0.1), 0.25);
    }

    /** The hidden time one attempt at {@code task} takes in the run of {@code seed}. */
    double attemptMinutes(TaskSpec task, long seed) {
        TaskSpec scaled = task.withEstimate(task.estimateMinutes() * durationFactors.getOrDefault(task.kind(), 1.0));
        return new DurationNoise(seed, noise).duration(scaled);
    }

    /** Whether the first attempt at {@code task} fails in the run of {@code seed}. */
    boolean firstAttemptFails(TaskSpec task, long seed) {
        return RandomStreams.draw(seed, "fail:" + task.id()) < failureChances.getOrDefault(task.kind(), 0.0);
    }
}
