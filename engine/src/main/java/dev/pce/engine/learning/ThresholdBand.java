package dev.pce.engine.learning;

import dev.pce.engine.gate.Metrics;

import java.util.Objects;

/**
 * The range a learned gate threshold stays within: a maintainer's bounds ({@code learning.thresholds} in the
 * project's configuration), or, without them, a default band around the gate rules' own threshold.
 *
 * @param origin where the band comes from, for reasons (".ce/config.yml learning.thresholds", "the default band")
 */
public record ThresholdBand(double min, double max, String origin) {
    /** How far a learned percentage may move from the rules' threshold without a maintainer's bounds. */
    public static final double DEFAULT_PERCENT_BAND = 10;

    public ThresholdBand {
        Objects.requireNonNull(origin, "origin");
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("a threshold band runs from a finite min to a max no smaller; got "
                    + min + " to " + max + " from " + origin);
        }
    }

    /**
     * The default band of {@code metric} around the rules' threshold: {@link #DEFAULT_PERCENT_BAND} points either way
     * for a percentage (within 0..100); a count stays where the rules set it (one more approval or one finding
     * allowed is a policy a maintainer sets, not one a few workflows should move).
     */
    public static ThresholdBand around(String metric, double rulesThreshold) {
        if (Metrics.isPercentage(metric)) {
            return new ThresholdBand(Math.max(0, rulesThreshold - DEFAULT_PERCENT_BAND),
                    Math.min(100, rulesThreshold + DEFAULT_PERCENT_BAND), "the default band of "
                    + (int) DEFAULT_PERCENT_BAND + " points around the rules' threshold");
        }
        return new ThresholdBand(rulesThreshold, rulesThreshold, "the default band of a count (the rules' threshold;"
                + " set learning.thresholds to let it move)");
    }

    /** {@code value} held within the band. */
    public double clamp(double value) {
        return Math.clamp(value, min, max);
    }
}
