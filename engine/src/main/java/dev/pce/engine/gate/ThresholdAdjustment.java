package dev.pce.engine.gate;

import java.util.Objects;
import java.util.Optional;

/**
 * A threshold set from outside the gate rules, e.g. by a learned pattern ("this service's legacy module keeps
 * line coverage at 65"). It replaces the threshold the rules chose for the criterion on {@code metric}; the
 * criterion's severity and comparison stay the rules'. The gate records the origin in the criterion's reason.
 *
 * @param projectType the project type it is for; empty for every type. For one metric, an adjustment for the
 *                    gate's project type beats one for every type, and a later one beats an earlier one
 * @param threshold   the new threshold, in the metric's unit (percentages are 0..100)
 * @param origin      who set it, for the record ("pattern coverage-legacy-module", "maintainer")
 */
public record ThresholdAdjustment(Dimension dimension, String metric, Optional<ProjectType> projectType,
                                  double threshold, String origin) {

    public ThresholdAdjustment {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(projectType, "projectType");
        Objects.requireNonNull(origin, "origin");
        if (!metric.startsWith(dimension.wireName() + ".")) {
            throw new IllegalArgumentException("threshold adjustment from " + origin + ": metric '" + metric
                    + "' is not a metric of the " + dimension.wireName() + " dimension; metric names start with '"
                    + dimension.wireName() + ".'");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold adjustment of " + metric + " from " + origin
                    + ": the threshold is not a finite number");
        }
        if (origin.isBlank()) {
            throw new IllegalArgumentException("threshold adjustment of " + metric + " has no origin; name who set it");
        }
    }

    /** An adjustment of {@code metric} (whose dimension is its prefix) for every project type. */
    public static ThresholdAdjustment of(String metric, double threshold, String origin) {
        return new ThresholdAdjustment(dimensionOf(metric), metric, Optional.empty(), threshold, origin);
    }

    /** The same adjustment, for {@code type} only. */
    public ThresholdAdjustment forType(ProjectType type) {
        return new ThresholdAdjustment(dimension, metric, Optional.of(type), threshold, origin);
    }

    /** Whether it applies to a gate for {@code type}. */
    public boolean appliesTo(ProjectType type) {
        return projectType.map(type::equals).orElse(true);
    }

    /** The dimension a metric name starts with ("coverage.line" is coverage's). */
    public static Dimension dimensionOf(String metric) {
        int dot = metric.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("metric '" + metric + "' does not start with a dimension; metric names"
                    + " are <dimension>.<what>, e.g. coverage.line");
        }
        return Dimension.parse(metric.substring(0, dot));
    }
}
