package dev.pce.engine.learning.experiment;

import dev.pce.engine.learning.PatternSet;

import java.util.Arrays;
import java.util.List;

/**
 * How much faster a new project gets going with another project's patterns ({@code ce_learn_from}) than from
 * nothing. Project B is related to project A ({@link HiddenTruth#related}: the same kinds and how long they take,
 * other risky folders). B runs its workflows with learning on, once starting from A's patterns imported as
 * ce_learn_from imports them ({@link PatternExport}) and once from nothing; its estimate error per workflow is averaged
 * over {@link #REPLICATIONS} runs of B (other plans in the same world).
 * <ul>
 *   <li><em>steady level</em>: the mean estimate error of the run from nothing over its last half of workflows;</li>
 *   <li><em>steady band</em>: the steady level plus twice the standard error of a mean of {@link #WINDOW} workflows
 *       (the standard deviation of the per-workflow errors of that last half, over the square root of
 *       {@link #WINDOW}): a window below it cannot be told from the steady state;</li>
 *   <li><em>set-up time</em> of a run: the number of workflows before the mean error of {@link #WINDOW} successive
 *       workflows first lies within the steady band;</li>
 *   <li><em>gain</em> = 1 - set-up time with the import / set-up time from nothing.</li>
 * </ul>
 */
public final class SetUpGain {
    public static final int REPLICATIONS = 8;
    public static final int WINDOW = 3;

    private SetUpGain() {
    }

    /**
     * @param withImport    B's mean estimate error per workflow, starting from A's imported patterns
     * @param fromNothing   the same starting from nothing
     * @param steady        the steady level
     * @param band          the upper edge of the steady band
     * @param setUpWith     workflows before B reached the steady level with the import
     * @param setUpWithout  the same from nothing
     * @param importedCount how many patterns the import brought
     */
    public record Result(List<Double> withImport, List<Double> fromNothing, double steady, double band, int setUpWith,
                         int setUpWithout, int importedCount) {
        public Result {
            withImport = List.copyOf(withImport);
            fromNothing = List.copyOf(fromNothing);
        }

        /** 1 - with / without; NaN when B needed no set-up from nothing either (nothing to gain). */
        public double gain() {
            return setUpWithout == 0 ? Double.NaN : 1 - (double) setUpWith / setUpWithout;
        }
    }

    /** B after A ({@code projectA}, learned over its rows) for {@code workflows} workflows. */
    public static Result measure(LearningExperiment.Result projectA, int workflows) {
        PatternSet imported = PatternExport.imported("project-a", projectA.rows());
        HiddenTruth truthB = projectA.truth().related(projectA.seed());
        double[] with = new double[workflows];
        double[] without = new double[workflows];
        for (int r = 0; r < REPLICATIONS; r++) {
            long seedB = projectA.seed() * 7_919L + 500_000L + r;
            add(with, LearningExperiment.run(workflows, seedB, truthB, imported, List.of(Arm.BOTH)));
            add(without, LearningExperiment.run(workflows, seedB, truthB, PatternSet.empty(), List.of(Arm.BOTH)));
        }
        for (int i = 0; i < workflows; i++) {
            with[i] /= REPLICATIONS;
            without[i] /= REPLICATIONS;
        }
        double steady = mean(without, workflows / 2, workflows);
        double spread = 0;
        for (int i = workflows / 2; i < workflows; i++) {
            spread += (without[i] - steady) * (without[i] - steady);
        }
        double standardDeviation = Math.sqrt(spread / (workflows - workflows / 2 - 1));
        double threshold = steady + 2 * standardDeviation / Math.sqrt(WINDOW);
        return new Result(Arrays.stream(with).boxed().toList(), Arrays.stream(without).boxed().toList(), steady,
                threshold, setUpTime(with, threshold), setUpTime(without, threshold),
                imported.patterns().size());
    }

    /** The workflows before the mean of a window first falls to {@code threshold}; all of them if it never does. */
    static int setUpTime(double[] errors, double threshold) {
        for (int start = 0; start + WINDOW <= errors.length; start++) {
            if (mean(errors, start, start + WINDOW) <= threshold) {
                return start;
            }
        }
        return errors.length;
    }

    private static void add(double[] sums, LearningExperiment.Result run) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += run.rows().get(i).learning().estimateError();
        }
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
