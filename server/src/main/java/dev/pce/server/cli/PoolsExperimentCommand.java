package dev.pce.server.cli;

import dev.pce.engine.pools.PoolHistory;
import dev.pce.engine.pools.experiment.PoolWorld;
import dev.pce.engine.pools.experiment.PoolsExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code ce experiment pools}: pool sizes recommended from history against the defaults, on held-out workflows. */
@Command(name = "pools", mixinStandardHelpOptions = true,
        description = "Run N generated feature workflows with the default pools in a simulated world with hidden "
                + "duration factors and failures (the history), then N held-out workflows on the same hidden "
                + "durations with the default pools, with sizes recommended from the plan alone and with sizes "
                + "recommended from the history, all with the same total of agents; print the makespans (see "
                + "docs/learning.md).")
final class PoolsExperimentCommand implements Callable<Integer> {

    @Option(names = "--workflows", defaultValue = "20",
            description = "Training workflows, and as many held-out ones (1 to 500, default ${DEFAULT-VALUE}).")
    int workflows;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the run (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PoolWorld world = PoolWorld.defaults();
        PoolsExperiment.Result result = PoolsExperiment.run(workflows, seed, world);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Pool sizing experiment: %d training and %d held-out workflows of %d features, seed "
                + "%d%n", workflows, workflows, PoolsExperiment.FEATURES_PER_WORKFLOW, seed);
        out.printf(Locale.ROOT, "Hidden world: duration factors %s, first-attempt failure chances %s, noise %.2f%n",
                new TreeMap<>(world.durationFactors()), new TreeMap<>(world.failureChances()), world.noise());
        out.printf(Locale.ROOT, "Default pools %s; every arm runs the same total of agents%n%n",
                new TreeMap<>(result.defaults().slots()));
        out.println("History measured from the training workflows:");
        history(out, result.history());
        out.println();
        out.println("  wf | makespan default  plan only  history | sizes from history");
        for (PoolsExperiment.Row row : result.rows()) {
            out.printf(Locale.ROOT, "%4d |          %7.1f    %7.1f  %7.1f | %s%n", row.workflow(), row.defaults(),
                    row.planOnly().makespan(), row.fromHistory().makespan(), new TreeMap<>(row.fromHistory().pools()));
        }
        out.println();
        out.printf(Locale.ROOT, "Mean makespan: defaults %.1f min, recommended from the plan alone %.1f min (ratio "
                        + "%.3f), recommended from history %.1f min (ratio %.3f)%n", result.meanDefaults(),
                result.meanPlanOnly(), result.meanPlanOnly() / result.meanDefaults(), result.meanFromHistory(),
                result.meanFromHistory() / result.meanDefaults());
        out.println("Sizes recommended from history, by how often:");
        for (Map.Entry<Map<String, Integer>, Long> sizes : result.historySizes().entrySet()) {
            out.printf(Locale.ROOT, "  %-45s %d workflow(s)%n", new TreeMap<>(sizes.getKey()), sizes.getValue());
        }
        out.flush();
        return 0;
    }

    private static void history(PrintWriter out, PoolHistory history) {
        new TreeMap<>(history.pools()).values().forEach(pool -> out.printf(Locale.ROOT, "  %-10s waited %3.0f%% of the time, "
                        + "utilization %3.0f%%, %3.0f%% of attempts failed, overhead x%.2f%n", pool.pool(),
                100 * pool.waitShare(), 100 * pool.utilization(), 100 * pool.failureRate(), pool.overhead()));
        new TreeMap<>(history.kindRatios()).forEach((kind, ratio) -> out.printf(Locale.ROOT, "  kind %-7s took %.2fx its "
                + "estimates%n", kind, ratio));
    }
}
