package dev.pce.engine.learning;

import dev.pce.engine.conflict.QualityDecision;
import dev.pce.engine.conflict.QualitySituation;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.gate.ProjectType;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something finished workflows showed that should change how the next ones are planned and judged. Patterns fill
 * the slots of rule templates (they never carry rule text), and each keeps the evidence it was learned from.
 */
public sealed interface Pattern permits Pattern.EstimateBias, Pattern.ReviewRequirement, Pattern.GateThreshold,
        Pattern.EscalationPreference {

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
            case GateThreshold gate -> String.format(Locale.ROOT, "gate %s threshold %.1f for a %s", gate.metric(),
                    gate.threshold(), gate.projectType().wireName());
            case EscalationPreference preference -> preference.decision().map(decision -> String.format(Locale.ROOT,
                    "escalated reviews where %s are decided %s (%d of %d decisions)",
                    QualitySituation.describe(preference.situation()), decision.wireName(), preference.decided(),
                    preference.samples())).orElse(String.format(Locale.ROOT,
                    "escalated reviews where %s stay a person's decision (approved in %d of %d)",
                    QualitySituation.describe(preference.situation()),
                    Math.round(preference.approvedShare() * preference.samples()), preference.samples()));
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
     * The gate criterion on {@code metric} should use {@code threshold} in projects of {@code projectType}: passes
     * that were followed by rework or failures on the metric's dimension tighten it, passes that never were relax it
     * ({@link LearnedPatterns}), within the band a maintainer sets.
     */
    record GateThreshold(ProjectType projectType, Dimension dimension, String metric, double threshold, int samples,
                         double confidence, List<String> workflows, PatternOrigin origin) implements Pattern {
        public GateThreshold {
            Objects.requireNonNull(projectType, "projectType");
            workflows = List.copyOf(workflows);
        }

        @Override
        public String key() {
            return "gate:" + projectType.wireName() + ":" + metric;
        }
    }

    /**
     * How persons decided escalated review conflicts of one {@link QualitySituation}: the share they approved (the
     * rest they sent back for changes). Shares combine as counts do, so the decisions of many workflows add up. A
     * clear majority over at least {@link #MIN_DECISIONS} decisions becomes a rule that decides such a conflict that
     * way instead of escalating it; a security veto is never overridden.
     *
     * @param situation     the situation's signature ("split-tests.open-none")
     * @param approvedShare the share of the persons' decisions that approved, 0..1
     */
    record EscalationPreference(String situation, double approvedShare, int samples, double confidence,
                                List<String> workflows, PatternOrigin origin) implements Pattern {
        /** Fewer decisions than this decide nothing: one person's one call may be about the task, not the case. */
        public static final int MIN_DECISIONS = 2;
        /** The share one way that makes a preference: three of four decisions. */
        public static final double CLEAR_MAJORITY = 0.75;

        public EscalationPreference {
            Objects.requireNonNull(situation, "situation");
            workflows = List.copyOf(workflows);
        }

        @Override
        public String key() {
            return "escalation:" + situation;
        }

        /** The decision persons prefer, when they decided often and clearly enough; else they keep deciding. */
        public Optional<QualityDecision> decision() {
            if (samples < MIN_DECISIONS) {
                return Optional.empty();
            }
            if (approvedShare >= CLEAR_MAJORITY) {
                return Optional.of(QualityDecision.APPROVED);
            }
            return approvedShare <= 1 - CLEAR_MAJORITY ? Optional.of(QualityDecision.CHANGES_REQUIRED)
                    : Optional.empty();
        }

        /** How many decisions went the preferred way (or approved, when there is no preference). */
        public long decided() {
            double share = decision().filter(d -> d == QualityDecision.CHANGES_REQUIRED).isPresent()
                    ? 1 - approvedShare : approvedShare;
            return Math.round(share * samples);
        }
    }
}
