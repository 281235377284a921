package dev.pce.engine.learning;

import dev.pce.engine.gate.Dimension;

import java.util.List;
import java.util.Locale;

/**
 * Something finished workflows showed that should change how the next ones are planned and judged. Patterns fill
 * the slots of rule templates (they never carry rule text), and each keeps the evidence it was learned from.
 */
public sealed interface Pattern permits Pattern.EstimateBias, Pattern.ReviewRequirement, Pattern.GateThreshold {

    /** A stable key: a newer pattern with the same key replaces the older one. */
    String key();

    /** The workflows it was learned from, for the evidence notes. */
    List<String> workflows();

    /** How many observations back it. */
    int samples();

    /** 0..1: how sure; imported patterns start lower. */
    double confidence();

    PatternOrigin origin();

    /** What it says, in one line: "build takes 1.64x its estimate". */
    default String summary() {
        return switch (this) {
            case EstimateBias bias -> String.format(Locale.ROOT, "%s takes %.2fx its estimate", bias.kind(),
                    bias.factor());
            case ReviewRequirement review -> review.kind() + " writing under " + review.pathPrefix() + " needs a "
                    + review.dimension().wireName() + " review";
            case GateThreshold gate -> String.format(Locale.ROOT, "gate %s threshold %.1f", gate.metric(),
                    gate.threshold());
        };
    }

    /**
     * Tasks of {@code kind} took {@code factor} times their estimate (actual / estimated, median of the samples):
     * "estimates for kind Y are 1.6x low". The factor is held within [{@link #MIN_FACTOR}, {@link #MAX_FACTOR}]:
     * an estimate off by more than four times either way is a wrong estimate or work not really done, not a steady
     * bias a correction should follow. A factor from elsewhere (an older store, another project's note) is brought
     * into the range too; one that is no number at all stays as it is, for the rules' validation to reject.
     */
    record EstimateBias(String kind, double factor, int samples, double confidence, List<String> workflows,
                        PatternOrigin origin) implements Pattern {
        public static final double MIN_FACTOR = 0.25;
        public static final double MAX_FACTOR = 4;

        public EstimateBias {
            workflows = List.copyOf(workflows);
            factor = Double.isNaN(factor) ? factor : Math.clamp(factor, MIN_FACTOR, MAX_FACTOR);
        }

        @Override
        public String key() {
            return "estimate:" + kind;
        }
    }

    /**
     * Tasks of {@code kind} that write under {@code pathPrefix} kept failing review on {@code dimension}: "tasks of
     * kind X touching migrations/ need a security review".
     */
    record ReviewRequirement(String kind, String pathPrefix, Dimension dimension, int samples, double confidence,
                             List<String> workflows, PatternOrigin origin) implements Pattern {
        public ReviewRequirement {
            workflows = List.copyOf(workflows);
        }

        @Override
        public String key() {
            return "review:" + kind + ":" + pathPrefix + ":" + dimension.wireName();
        }
    }

    /**
     * The gate criterion on {@code metric} should use {@code threshold} for this project (for example because the
     * project kept failing on it after passing the gate): "gate coverage threshold for this project type".
     */
    record GateThreshold(Dimension dimension, String metric, double threshold, int samples, double confidence,
                         List<String> workflows, PatternOrigin origin) implements Pattern {
        public GateThreshold {
            workflows = List.copyOf(workflows);
        }

        @Override
        public String key() {
            return "gate:" + metric;
        }
    }
}
