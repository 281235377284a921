package dev.pce.engine.learning;

import dev.pce.engine.gate.ProjectType;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What bounds a learned gate threshold, per project type and metric: the band a maintainer set, and the threshold
 * the gate rules set before any adjustment (the centre of the default band). A port: the server reads both from the
 * project's configuration and its gate rules.
 */
public interface ThresholdBounds {
    /** Nothing set and no rules at hand: the default band around the threshold the gate events show. */
    ThresholdBounds NONE = new ThresholdBounds() {
        @Override
        public Optional<ThresholdBand> configured(ProjectType type, String metric) {
            return Optional.empty();
        }

        @Override
        public OptionalDouble rulesThreshold(ProjectType type, String metric) {
            return OptionalDouble.empty();
        }
    };

    /** The band the maintainer set for {@code metric}; empty when none is set. */
    Optional<ThresholdBand> configured(ProjectType type, String metric);

    /** The threshold the gate rules set for {@code metric} in a project of {@code type}, before any adjustment. */
    OptionalDouble rulesThreshold(ProjectType type, String metric);

    /**
     * The band of {@code metric}: the maintainer's, else the default band around the rules' threshold, else around
     * {@code seen} (the rules' threshold as the gate events show it).
     */
    default ThresholdBand band(ProjectType type, String metric, double seen) {
        return configured(type, metric).orElseGet(() -> ThresholdBand.around(metric,
                rulesThreshold(type, metric).orElse(seen)));
    }
}
