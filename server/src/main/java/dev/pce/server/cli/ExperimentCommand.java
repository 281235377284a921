package dev.pce.server.cli;

import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.experiment.ArmResult;
import dev.pce.engine.learning.experiment.HiddenTruth;
import dev.pce.engine.learning.experiment.LearningExperiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** {@code ce experiment}: seeded experiments that measure PCE's own behaviour. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Seeded experiments that measure PCE's behaviour.",
        subcommands = {ExperimentCommand.Learning.class, PoolsExperimentCommand.class, CommandLine.HelpCommand.class})
public final class ExperimentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ce experiment learning}: the compound loop with and without learning, workflow by workflow. */
    @Command(name = "learning", mixinStandardHelpOptions = true,
            description = "Run N generated feature workflows in a simulated world with hidden duration factors "
                    + "and security problems, once as planned and once learning from each finished workflow; "
                    + "print estimate error, makespan and rework per workflow for both arms (see docs/learning.md).")
    static final class Learning implements Callable<Integer> {

        @Option(names = "--workflows", defaultValue = "20",
                description = "How many workflows (1 to 1000, default ${DEFAULT-VALUE}).")
        int workflows;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the run (default ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            HiddenTruth truth = HiddenTruth.defaults();
            LearningExperiment.Result result = LearningExperiment.run(workflows, seed, truth);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Learning experiment: %d workflows of %d features, seed %d%n", workflows,
                    LearningExperiment.FEATURES_PER_WORKFLOW, seed);
            out.printf(Locale.ROOT, "Hidden truth: duration factors %s, failure chances %s, security problems in "
                            + "%.0f%% of builds under %s (%.0f%% of builds write there)%n%n",
                    new java.util.TreeMap<>(truth.durationFactors()), new java.util.TreeMap<>(truth.failureChances()),
                    truth.securityIssueChance() * 100, truth.riskyPrefix(), truth.riskyWriteChance() * 100);
            out.println("  wf | est. error   base  learn | makespan   base   learn | rework base learn | early reviews"
                    + " | patterns known");
            for (LearningExperiment.Row row : result.rows()) {
                out.printf(Locale.ROOT, "%4d |            %5.1f%% %5.1f%% |          %6.1f %6.1f  |          %3d %4d  |"
                                + " %13d | %d%n", row.workflow(), row.baseline().estimateError() * 100,
                        row.learning().estimateError() * 100, row.baseline().makespan(), row.learning().makespan(),
                        row.baseline().rework(), row.learning().rework(), row.learning().earlyReviews(),
                        row.patternsKnown());
            }
            out.println();
            summary(out, result, "all workflows", 0, workflows);
            if (workflows >= 2) {
                summary(out, result, "after the first (learning arm knows something)", 1, workflows);
            }
            if (workflows >= 4) {
                summary(out, result, "last half", workflows / 2, workflows);
            }
            out.println();
            out.println("Learned patterns:");
            for (Pattern pattern : result.learned().patterns()) {
                out.println("  " + describe(pattern));
            }
            out.flush();
            return 0;
        }

        private static void summary(PrintWriter out, LearningExperiment.Result result, String label, int from,
                                    int to) {
            out.printf(Locale.ROOT, "Mean over %s: estimate error %.1f%% -> %.1f%%, makespan %.1f -> %.1f min "
                            + "(%+.1f%%), rework %.2f -> %.2f tasks%n", label,
                    100 * mean(result, from, to, false, ArmResult::estimateError),
                    100 * mean(result, from, to, true, ArmResult::estimateError),
                    mean(result, from, to, false, ArmResult::makespan), mean(result, from, to, true, ArmResult::makespan),
                    100 * (mean(result, from, to, true, ArmResult::makespan)
                            / mean(result, from, to, false, ArmResult::makespan) - 1),
                    mean(result, from, to, false, ArmResult::rework), mean(result, from, to, true, ArmResult::rework));
        }

        private static double mean(LearningExperiment.Result result, int from, int to, boolean learning,
                                   ToDoubleFunction<ArmResult> metric) {
            return result.mean(from, to, learning, metric);
        }

        private static String describe(Pattern pattern) {
            return String.format(Locale.ROOT, "%-22s %s (%d samples, confidence %.2f)", pattern.key(),
                    pattern.summary(), pattern.samples(), pattern.confidence());
        }
    }
}
