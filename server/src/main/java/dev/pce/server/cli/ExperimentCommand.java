package dev.pce.server.cli;

import dev.pce.engine.learning.experiment.LearningMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce experiment}: seeded experiments that measure PCE's own behaviour. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Seeded experiments that measure PCE's behaviour.",
        subcommands = {ExperimentCommand.Learning.class, PoolsExperimentCommand.class, CaptureExperimentCommand.class,
                SemanticSearchExperimentCommand.class, SearchExperimentCommand.class,
                CommandLine.HelpCommand.class})
public final class ExperimentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ce experiment learning}: the seed's learning metrics, each against learning off and the seed's target. */
    @Command(name = "learning", mixinStandardHelpOptions = true,
            description = "Run generated feature workflows in simulated worlds with planted patterns and decoys "
                    + "(one world per seed), learning from each finished workflow; print pattern identification "
                    + "precision and recall, prediction accuracy, the set-up gain of a related project with "
                    + "ce_learn_from, and makespan and estimate error per arm (learning off, estimates only, reviews "
                    + "only, both), each against the seed's target (see docs/learning.md).")
    static final class Learning implements Callable<Integer> {

        @Option(names = "--workflows", defaultValue = "20",
                description = "Training workflows per seed (6 to 1000, default ${DEFAULT-VALUE}).")
        int workflows;

        @Option(names = "--seeds", defaultValue = "101-110", paramLabel = "SEEDS",
                description = "The seeds to evaluate on: a range FROM-TO or a comma-separated list "
                        + "(default ${DEFAULT-VALUE}, held out: nothing was tuned on them).")
        String seeds;

        @Option(names = "--seed", paramLabel = "S", description = "One seed instead of --seeds.")
        Long seed;

        @Option(names = "--details", description = "Also print each seed's planted and learned patterns and "
                + "metrics.")
        boolean details;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Long> evaluated = seed != null ? List.of(seed) : LearningMetricsReport.seeds(seeds);
            LearningMetrics.Result result = LearningMetrics.run(workflows, evaluated);
            PrintWriter out = spec.commandLine().getOut();
            new LearningMetricsReport(result, out).print(details);
            out.flush();
            return 0;
        }
    }
}
