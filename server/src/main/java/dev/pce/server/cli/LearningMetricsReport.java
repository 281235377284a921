package dev.pce.server.cli;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.experiment.Arm;
import dev.pce.engine.learning.experiment.ArmResult;
import dev.pce.engine.learning.experiment.HiddenTruth;
import dev.pce.engine.learning.experiment.LearningExperiment;
import dev.pce.engine.learning.experiment.LearningMetrics;
import dev.pce.engine.learning.experiment.LearningMetrics.SeedResult;
import dev.pce.engine.learning.experiment.LearningMetrics.Spread;
import dev.pce.engine.learning.experiment.PatternIdentification;
import dev.pce.engine.learning.experiment.PredictionAccuracy;
import dev.pce.engine.learning.experiment.SetUpGain;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The text {@code ce experiment learning} prints: the metrics against the seed's targets, then the details. */
final class LearningMetricsReport {
    /** The seed's targets. */
    static final double PATTERN_TARGET = 0.80;
    static final double SET_UP_TARGET = 0.50;
    static final double CAPTURE_TARGET = 0.95;
    private static final String ROW = "%-44s %-37s %-14s %-16s %s%n";

    private final LearningMetrics.Result result;
    private final PrintWriter out;

    LearningMetricsReport(LearningMetrics.Result result, PrintWriter out) {
        this.result = result;
        this.out = out;
    }

    /**
     * The seeds of {@code --seeds}: "101-110" or "1,5,9".
     *
     * @throws CeException {@code INVALID_ARGUMENT} naming what cannot be read and the forms that can
     */
    static List<Long> seeds(String spec) {
        String text = spec.strip();
        try {
            List<Long> seeds = new ArrayList<>();
            int dash = text.indexOf('-', 1);
            if (dash > 0) {
                long from = Long.parseLong(text.substring(0, dash).strip());
                long to = Long.parseLong(text.substring(dash + 1).strip());
                if (to < from || to - from >= LearningMetrics.MAX_SEEDS) {
                    throw invalidSeeds(spec, "the range must go up and hold at most " + LearningMetrics.MAX_SEEDS
                            + " seeds");
                }
                for (long seed = from; seed <= to; seed++) {
                    seeds.add(seed);
                }
                return seeds;
            }
            for (String part : text.split(",")) {
                seeds.add(Long.parseLong(part.strip()));
            }
            return seeds;
        } catch (NumberFormatException e) {
            throw invalidSeeds(spec, "a seed must be a whole number");
        }
    }

    private static CeException invalidSeeds(String spec, String why) {
        return new CeException(ErrorCode.INVALID_ARGUMENT, "--seeds '" + spec + "' cannot be read: " + why + ".",
                "Give a range such as 101-110 or a list such as 1,5,9.");
    }

    void print(boolean details) {
        List<SeedResult> seeds = result.seeds();
        out.printf(Locale.ROOT, "Learning metrics: %d seed(s) (%s), %d training workflows of %d features each; "
                        + "predictions scored on the next %d workflows%n", seeds.size(), seedList(), result.workflows(),
                LearningExperiment.FEATURES_PER_WORKFLOW, LearningMetrics.HELD_OUT_WORKFLOWS);
        out.println("Each seed draws its own world: every task kind either biased (1.3x to 2x or 0.55x to 0.75x its "
                + "estimate) or a decoy (within 3%), one or two of six folders risky (60-80% of their builds hide a "
                + "problem), stray problems in 3% of builds.");
        out.println();
        metrics();
        out.println();
        perWorkflow();
        if (details) {
            out.println();
            seeds.forEach(this::seedDetails);
        }
    }

    private void metrics() {
        out.printf(Locale.ROOT, ROW, "Metric (mean over seeds, min-max)", "learning on", "learning off",
                "target", "met");
        spread("Pattern identification: precision", seed -> seed.patterns().precision(), PATTERN_TARGET);
        spread("Pattern identification: recall", seed -> seed.patterns().recall(), PATTERN_TARGET);
        PredictionAccuracy.Score on = result.predictions(true);
        PredictionAccuracy.Score off = result.predictions(false);
        out.printf(Locale.ROOT, ROW, "Prediction: precision of predicted issues", percent(on.precision())
                + " (" + on.correct() + " of " + on.predicted() + ")", off.predicted() == 0 ? "none predicted"
                : percent(off.precision()), "none", "-");
        out.printf(Locale.ROOT, ROW, "Prediction: recall of issues that happened", percent(on.recall()) + " ("
                + on.correct() + " of " + on.happened() + ")", percent(off.recall()), "none", "-");
        out.printf(Locale.ROOT, ROW, "Prediction: accuracy (right yes/no answers)", withSpread(
                seed -> seed.predictions().accuracy()), percent(off.accuracy()), "above off",
                yes(on.accuracy() > off.accuracy()));
        out.printf(Locale.ROOT, ROW, "Insight capture", "measured by `ce experiment capture`", "-",
                percent(CAPTURE_TARGET), "see Automatic capture");
        double gain = result.setUpGain();
        out.printf(Locale.ROOT, ROW, "Set-up gain, ce_learn_from against none", percent(gain) + String.format(
                Locale.ROOT, " (%.1f vs %.1f wf)", mean(seed -> seed.setUp().setUpWith()),
                mean(seed -> seed.setUp().setUpWithout())), "-", percent(SET_UP_TARGET), yes(gain >= SET_UP_TARGET));
        for (Arm arm : List.of(Arm.BOTH, Arm.ESTIMATES, Arm.REVIEWS)) {
            Spread spread = result.spread(seed -> seed.makespanGain(arm));
            out.printf(Locale.ROOT, ROW, "Makespan gain, " + arm.label(), withSpread(seed -> seed.makespanGain(arm)),
                    "0%", "above off", yes(spread.mean() > 0));
        }
        Spread error = result.spread(seed -> seed.estimateError(Arm.BOTH));
        Spread errorOff = result.spread(seed -> seed.estimateError(Arm.OFF));
        out.printf(Locale.ROOT, ROW, "Estimate error (mean |est - act| / act)",
                withSpread(seed -> seed.estimateError(Arm.BOTH)), percent(errorOff.mean()), "below off",
                yes(error.mean() < errorOff.mean()));
        out.printf(Locale.ROOT, "Targets in %% are the seed's; where it sets none, learning must beat learning off. "
                + "Makespan and estimate error over the workflows after the first; predictions of all seeds together; "
                + "set-up: workflows before the estimate error of a related project settles (%d runs per seed), "
                + "gain = 1 - mean with / mean without.%n", SetUpGain.REPLICATIONS);
    }

    private void spread(String label, ToDoubleFunction<SeedResult> metric, double target) {
        out.printf(Locale.ROOT, ROW, label, withSpread(metric), "-", percent(target),
                yes(result.spread(metric).mean() >= target));
    }

    private String withSpread(ToDoubleFunction<SeedResult> metric) {
        Spread spread = result.spread(metric);
        return result.seeds().size() == 1 ? percent(spread.mean())
                : percent(spread.mean()) + " (" + percent(spread.min()) + "-" + percent(spread.max()) + ")";
    }

    private void perWorkflow() {
        out.println("Per workflow, mean over seeds:");
        out.println("  wf | est. error    off   both | makespan    off  est.only rev.only   both | rework  off both"
                + " | early reviews | patterns known");
        for (int i = 0; i < result.workflows(); i++) {
            int index = i;
            ToDoubleFunction<Arm> makespan = arm -> rowMean(index, arm, ArmResult::makespan);
            out.printf(Locale.ROOT, "%4d |            %5.1f%% %5.1f%% |          %6.1f   %6.1f   %6.1f %6.1f |"
                            + "        %4.1f %4.1f | %13.1f | %.1f%n", i + 1,
                    100 * rowMean(i, Arm.OFF, ArmResult::estimateError),
                    100 * rowMean(i, Arm.BOTH, ArmResult::estimateError), makespan.applyAsDouble(Arm.OFF),
                    makespan.applyAsDouble(Arm.ESTIMATES), makespan.applyAsDouble(Arm.REVIEWS),
                    makespan.applyAsDouble(Arm.BOTH), rowMean(i, Arm.OFF, ArmResult::rework),
                    rowMean(i, Arm.BOTH, ArmResult::rework), rowMean(i, Arm.BOTH, ArmResult::earlyReviews),
                    result.seeds().stream().mapToInt(seed -> seed.run().rows().get(index).patternsKnown())
                            .average().orElse(0));
        }
    }

    private double rowMean(int index, Arm arm, ToDoubleFunction<ArmResult> metric) {
        return result.seeds().stream().mapToDouble(seed -> metric.applyAsDouble(seed.run().rows().get(index).arm(arm)))
                .average().orElse(0);
    }

    private void seedDetails(SeedResult seed) {
        PatternIdentification.Score patterns = seed.patterns();
        SetUpGain.Result setUp = seed.setUp();
        out.printf(Locale.ROOT, "Seed %d: patterns planted %d, claimed %d, right %d (precision %s, recall %s); "
                        + "predictions %s precise, %s recall, %s accurate (off %s); set-up %d vs %d workflows "
                        + "(gain %s, %d imported); makespan gain %s%n", seed.seed(), patterns.planted(),
                patterns.claimed(), patterns.matched(), percent(patterns.precision()), percent(patterns.recall()),
                percent(seed.predictions().precision()), percent(seed.predictions().recall()),
                percent(seed.predictions().accuracy()), percent(seed.predictionsOff().accuracy()), setUp.setUpWith(),
                setUp.setUpWithout(), percent(setUp.gain()), setUp.importedCount(),
                percent(seed.makespanGain(Arm.BOTH)));
        HiddenTruth truth = seed.run().truth();
        List<Pattern> planted = truth.planted();
        for (Pattern pattern : planted) {
            out.printf(Locale.ROOT, "  planted  %-40s %s%n", pattern.key(), pattern.summary());
        }
        for (Pattern pattern : seed.run().learned().patterns()) {
            String verdict = !PatternIdentification.claims(pattern) ? "no claim"
                    : PatternIdentification.matches(pattern, planted) ? "right" : "wrong";
            out.printf(Locale.ROOT, "  learned  %-40s %s (%d samples) - %s%n", pattern.key(), pattern.summary(),
                    pattern.samples(), verdict);
        }
    }

    private double mean(ToDoubleFunction<SeedResult> metric) {
        return result.seeds().stream().mapToDouble(metric).average().orElse(0);
    }

    private String seedList() {
        List<SeedResult> seeds = result.seeds();
        long first = seeds.getFirst().seed();
        long last = seeds.getLast().seed();
        boolean range = last - first == seeds.size() - 1;
        return seeds.size() == 1 ? "seed " + first : range ? first + "-" + last
                : String.join(",", seeds.stream().map(seed -> Long.toString(seed.seed())).toList());
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }
}
