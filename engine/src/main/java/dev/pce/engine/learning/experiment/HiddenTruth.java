package dev.pce.engine.learning.experiment;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the experiment's world is really like and its planners do not know: how long each kind of task takes against
 * its estimate, how often attempts fail, and which changes hide a security problem a review will find.
 *
 * @param durationFactors    per kind, actual / estimated on average (missing kinds: 1)
 * @param failureChances     per kind, the chance that an attempt fails halfway and is retried (once at most)
 * @param noise              the lognormal spread of single durations around factor * estimate
 * @param riskyPrefix        builds writing here may hide a security problem
 * @param riskyWriteChance   the chance that a build writes under {@code riskyPrefix}
 * @param securityIssueChance the chance that such a build hides a security problem
 */
public record HiddenTruth(Map<String, Double> durationFactors, Map<String, Double> failureChances, double noise,
                          String riskyPrefix, double riskyWriteChance, double securityIssueChance) {

    public HiddenTruth {
        durationFactors = Map.copyOf(durationFactors);
        failureChances = Map.copyOf(failureChances);
    }

    /** Builds take 1.6x, designs 1.2x, reviews 0.8x, tests as planned; builds fail 15% of attempts. */
    public static HiddenTruth defaults() {
        return new HiddenTruth(Map.of("build", 1.6, "design", 1.2, "review", 0.8, "test", 1.0),
                Map.of("build", 0.15, "test", 0.10), 0.25, "db/migrations/", 0.35, 0.6);
    }

    public double factor(String kind) {
        return durationFactors.getOrDefault(kind, 1.0);
    }

    public double failureChance(String kind) {
        return failureChances.getOrDefault(kind, 0.0);
    }

    /** A uniform draw in [0, 1) fixed by the seed and what it is for, so both arms see the same world. */
    static double draw(long seed, String purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose.hashCode()).nextDouble();
    }
}
