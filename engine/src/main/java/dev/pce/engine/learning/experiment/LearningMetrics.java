package dev.pce.engine.learning.experiment;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.learning.PatternSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The seed's learning metrics over several seeds, each seed its own drawn world ({@link HiddenTruth#drawn}): pattern
 * identification ({@link PatternIdentification}) after the training workflows, the predictions for the next
 * {@link #HELD_OUT_WORKFLOWS} workflows against what happened in them ({@link PredictionAccuracy}), with and without
 * what was learned, the set-up gain of a related project ({@link SetUpGain}), and makespan and estimate error per
 * arm over the training workflows.
 */
public final class LearningMetrics {
    /** Workflows planned after the training ones, whose predictions are scored. */
    public static final int HELD_OUT_WORKFLOWS = 5;
    public static final int MAX_SEEDS = 100;

    private LearningMetrics() {
    }

    /** Everything measured on one seed. */
    public record SeedResult(long seed, LearningExperiment.Result run, PatternIdentification.Score patterns,
                             PredictionAccuracy.Score predictions, PredictionAccuracy.Score predictionsOff,
                             SetUpGain.Result setUp) {

        /** The relative makespan gain of {@code arm} against learning off, over the workflows after the first. */
        public double makespanGain(Arm arm) {
            int to = run.rows().size();
            int from = Math.min(1, to - 1);
            return 1 - run.mean(from, to, arm, ArmResult::makespan) / run.mean(from, to, Arm.OFF, ArmResult::makespan);
        }

        /** The mean estimate error of {@code arm} over the workflows after the first. */
        public double estimateError(Arm arm) {
            int to = run.rows().size();
            return run.mean(Math.min(1, to - 1), to, arm, ArmResult::estimateError);
        }
    }

    /** All seeds' results; the summaries are means over seeds with their range. */
    public record Result(int workflows, List<SeedResult> seeds) {
        public Result {
            seeds = List.copyOf(seeds);
        }

        /** The spread of {@code metric} over the seeds where it is defined (not NaN). */
        public Spread spread(ToDoubleFunction<SeedResult> metric) {
            double[] values = seeds.stream().mapToDouble(metric).filter(value -> !Double.isNaN(value)).toArray();
            if (values.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
                sum += value;
            }
            return new Spread(sum / values.length, min, max);
        }

        /**
         * The set-up gain over all seeds: 1 - mean set-up time with the import / mean set-up time from nothing
         * (NaN when no seed needed any set-up).
         */
        public double setUpGain() {
            double with = seeds.stream().mapToInt(seed -> seed.setUp().setUpWith()).average().orElse(0);
            double without = seeds.stream().mapToInt(seed -> seed.setUp().setUpWithout()).average().orElse(0);
            return without == 0 ? Double.NaN : 1 - with / without;
        }

        /** The predictions of all seeds together, with what was learned ({@code learned}) or without. */
        public PredictionAccuracy.Score predictions(boolean learned) {
            return seeds.stream().map(seed -> learned ? seed.predictions() : seed.predictionsOff())
                    .reduce(PredictionAccuracy.Score.NONE, PredictionAccuracy.Score::plus);
        }
    }

    /** A metric's mean over seeds, and its smallest and largest value. */
    public record Spread(double mean, double min, double max) {
    }

    /**
     * @param workflows training workflows per seed (and of the related project in the set-up measure)
     * @param seeds     the seeds to evaluate on; each draws its own world
     */
    public static Result run(int workflows, List<Long> seeds) {
        if (seeds.isEmpty() || seeds.size() > MAX_SEEDS) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The experiment cannot run " + seeds.size()
                    + " seeds.", "Give --seeds with 1 to " + MAX_SEEDS + " seeds, e.g. 101-110.");
        }
        if (workflows < 2 * SetUpGain.WINDOW) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "The learning metrics need at least "
                    + 2 * SetUpGain.WINDOW + " workflows per seed, not " + workflows + ".",
                    "Give --workflows from " + 2 * SetUpGain.WINDOW + " to " + LearningExperiment.MAX_WORKFLOWS
                            + "; 20 is the default.");
        }
        List<SeedResult> results = new ArrayList<>();
        for (long seed : seeds) {
            results.add(measure(workflows, seed));
        }
        return new Result(workflows, results);
    }

    static SeedResult measure(int workflows, long seed) {
        HiddenTruth truth = HiddenTruth.drawn(seed);
        LearningExperiment.Result run = LearningExperiment.run(workflows, seed, truth);
        PatternIdentification.Score patterns = PatternIdentification.score(truth.planted(), run.learned());
        PredictionAccuracy.Score predictions = PredictionAccuracy.Score.NONE;
        PredictionAccuracy.Score predictionsOff = PredictionAccuracy.Score.NONE;
        for (int i = workflows + 1; i <= workflows + HELD_OUT_WORKFLOWS; i++) {
            LearningExperiment.Plan plan = LearningExperiment.plan(seed, i, truth);
            ArmResult happened = plan.run(truth, PatternSet.empty());
            predictions = predictions.plus(PredictionAccuracy.score(plan.tasks(), run.learned(), happened));
            predictionsOff = predictionsOff.plus(PredictionAccuracy.score(plan.tasks(), PatternSet.empty(),
                    happened));
        }
        return new SeedResult(seed, run, patterns, predictions, predictionsOff, SetUpGain.measure(run, workflows));
    }
}
