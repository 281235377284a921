package dev.pce.server.cli;

import dev.pce.server.wiring.CommandWiring;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.pools.LearnedOutcomeRates;
import dev.pce.engine.pools.PoolHistory;
import dev.pce.engine.pools.PoolHistoryReader;
import dev.pce.engine.schedule.DurationNoise;
import dev.pce.engine.schedule.OutcomeRates;
import dev.pce.engine.schedule.OutcomeSimulation;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Schedule;
import dev.pce.engine.schedule.Simulation;
import dev.pce.engine.workflow.FailCommand;
import dev.pce.engine.workflow.PlanValidator;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.quality.ProjectSettings;
import dev.pce.server.tools.PlanTasks;
import dev.pce.server.tools.ToolArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code ce simulate PLAN}: runs a plan's schedule with simulated durations and shows the gain and the gap. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Schedule a plan (ce_plan input format) onto the pools and run it with simulated durations "
                + "(estimates with seeded noise): sequential time, parallel makespan, speedup, utilization per pool "
                + "and the lower bound max(critical path, work/slots); with failure or rework rates, the p10/p50/p90 "
                + "makespan over many seeded runs with retries and review rework; with --workspace, the rates not "
                + "given are learned from the workspace's finished workflows.")
public final class SimulateCommand implements Callable<Integer> {
    private static final int MAX_RUNS = 100_000;
    private static final String WORKSPACE_MARKER = "workspace.json";

    @Parameters(paramLabel = "PLAN", description = "A plan file: {\"goal\": ..., \"tasks\": [...]} as ce_plan takes.")
    Path plan;

    @Option(names = "--pools", paramLabel = "POOL=SLOTS,...", defaultValue = "",
            description = "Slots per pool, e.g. builders=4,reviewers=3, over CE_POOLS and the project's configured "
                    + "pools (defaults: planners=1, builders=3, reviewers=2, any other pool 1).")
    String pools;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated durations (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise", defaultValue = "0.3",
            description = "Spread of the durations around the estimates, a lognormal sigma from 0 to 2 "
                    + "(default ${DEFAULT-VALUE}; 0 runs exactly the estimates).")
    double noise;

    @Option(names = "--failure-rate", paramLabel = "RATE|KIND=RATE,...", defaultValue = "",
            description = "The share of attempts that fail and are retried, 0 to 1: one for every kind, and/or per "
                    + "kind, e.g. 0.1,test=0.3 (default none).")
    String failureRate;

    @Option(names = "--rework-rate", paramLabel = "RATE|KIND=RATE,...", defaultValue = "",
            description = "The share of reviews (tasks of the reviewers pool) that ask for changes, 0 to 1, as "
                    + "--failure-rate (default none): rework of the reviewed tasks and a re-review follow.")
    String reworkRate;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Learn the failure and rework rates the options leave open from this workspace's finished "
                    + "workflows (its newest " + PoolHistoryReader.NEWEST + "): per kind, failed attempts / attempts "
                    + "(from " + LearnedOutcomeRates.MIN_ATTEMPTS + " attempts) and reviews that asked for changes / "
                    + "reviews (from " + LearnedOutcomeRates.MIN_REVIEWS + " reviews), else every kind's together; "
                    + "prints where each rate came from.")
    Path workspace;

    @Option(names = "--runs", defaultValue = "200", description = "Seeded runs with failures and rework, from "
            + "--seed on (default ${DEFAULT-VALUE}); only with --failure-rate or --rework-rate.")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PoolSlots slots = PoolSlots.parse(pools, ProjectSettings.of(Path.of("").toAbsolutePath())
                .poolSlots(System.getenv()));
        DurationNoise durations = new DurationNoise(seed, noise);
        List<TaskSpec> tasks = readPlan(plan);
        // the same classification as ce_plan, so the simulation schedules what the server would
        List<ClassifiedEdge> edges = CommandWiring.ruleClassifier().classify(tasks);
        Simulation.Result result = Simulation.run(tasks, edges, slots, durations);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(plan.toString(), tasks, slots, durations, result));
        outcomes(tasks, edges, slots).ifPresent(out::print);
        out.flush();
        return 0;
    }

    /**
     * The spread of makespans over many seeded runs with failures and review rework, when rates are given or learned:
     * its own block after the report, after where each rate came from when a workspace is given.
     */
    private Optional<String> outcomes(List<TaskSpec> tasks, List<ClassifiedEdge> edges, PoolSlots slots) {
        OutcomeRates.Parsed failures = OutcomeRates.parse(failureRate, "--failure-rate");
        OutcomeRates.Parsed rework = OutcomeRates.parse(reworkRate, "--rework-rate");
        PoolHistory history = workspace == null ? PoolHistory.NONE : CommandWiring.poolHistory(existing(workspace));
        LearnedOutcomeRates.Choice choice = LearnedOutcomeRates.choose(tasks, failures, rework, history);
        OutcomeRates rates = choice.rates();
        StringBuilder text = new StringBuilder();
        if (workspace != null) {
            text.append(sources(choice, history));
        }
        if (!rates.any()) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--runs " + runs + " is out of range.",
                    "Give from 1 to " + MAX_RUNS + " runs; 200 gives steady percentiles.");
        }
        OutcomeSimulation.Spread spread = OutcomeSimulation.spread(tasks, edges, slots, noise, rates,
                FailCommand.MAX_ATTEMPTS, seed, runs);
        text.append(String.format(Locale.ROOT, "%nFailures and rework: %d runs, seeds %d to %d; failure rate %s "
                        + "(up to %d attempts); rework rate %s of reviews (up to %d rounds)%n", runs, seed,
                seed + runs - 1, OutcomeRates.describe(rates.failure(), rates.failureByKind()),
                FailCommand.MAX_ATTEMPTS, OutcomeRates.describe(rates.rework(), rates.reworkByKind()),
                OutcomeSimulation.MAX_REWORK_ROUNDS));
        text.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s%n", "", "p10", "p50", "p90"));
        percentiles(text, "makespan", spread.makespan());
        percentiles(text, "no-failure makespan", spread.baseline());
        text.append(String.format(Locale.ROOT, "Per run on average: %.1f retries, %.1f review rework rounds%n",
                spread.meanRetries(), spread.meanReworkRounds()));
        return Optional.of(text.toString());
    }

    /** Per kind of the plan, its failure rate, and per kind of its reviews, the rework rate: where each came from. */
    private String sources(LearnedOutcomeRates.Choice choice, PoolHistory history) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nRates from the workspace %s: %d "
                        + "finished workflow(s) read; a kind's own rate needs %d attempts or %d reviews%n",
                workspace, history.workflows(), LearnedOutcomeRates.MIN_ATTEMPTS, LearnedOutcomeRates.MIN_REVIEWS));
        choice.failures().forEach(source -> source(text, "failure rate", source));
        choice.rework().forEach(source -> source(text, "rework rate", source));
        return text.toString();
    }

    private static void source(StringBuilder text, String rate, LearnedOutcomeRates.Source source) {
        text.append(String.format(Locale.ROOT, "  %-13s %-14s %5.2f  %s%n", rate, source.kind(), source.rate(),
                source.origin().describe()));
    }

    /** The workspace at {@code dir}; refused when there is none, as reading history must not create one. */
    private static Workspace existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve(WORKSPACE_MARKER))) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "--workspace " + dir + ": no PCE workspace there (no "
                    + WORKSPACE_MARKER + ").", "Give the workspace ce serve writes to (.ce-workspace at the git "
                    + "top-level unless CE_WORKSPACE says otherwise), or leave --workspace out to simulate with the "
                    + "given rates only.");
        }
        return Workspace.open(dir);
    }

    private static void percentiles(StringBuilder text, String label, OutcomeSimulation.Percentiles values) {
        text.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s%n", label, format(values.p10(), "min"),
                format(values.p50(), "min"), format(values.p90(), "min")));
    }

    /** The plan's tasks, validated and with pools resolved as ce_plan would store them. */
    static List<TaskSpec> readPlan(Path file) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CeException(ErrorCode.INVALID_ARGUMENT, "Cannot read the plan " + file + ": "
                    + e.getMessage(), "Give a JSON file in the ce_plan input format (see examples/plans/).", e);
        }
        ToolArgs args = ToolArgs.of(node);
        String goal = args.optionalString("goal", Limits.MAX_TEXT_LENGTH).orElse("simulation");
        return PlanValidator.validate(goal, PlanTasks.read(args));
    }

    static String report(String name, List<TaskSpec> tasks, PoolSlots slots, DurationNoise noise,
                         Simulation.Result result) {
        Schedule planned = result.planned();
        Schedule simulated = result.simulated();
        StringBuilder text = new StringBuilder();
        Map<String, Integer> used = new TreeMap<>();
        tasks.forEach(task -> used.merge(task.pool(), 1, Integer::sum));
        text.append(String.format(Locale.ROOT, "Plan %s: %d tasks; pools:", name, tasks.size()));
        used.forEach((pool, count) -> text.append(String.format(Locale.ROOT, " %s=%d", pool, slots.slotsOf(pool))));
        text.append(String.format(Locale.ROOT, "%nSimulated durations: estimate x lognormal noise, sigma %.2f, seed %d"
                + "%n%n", noise.sigma(), noise.seed()));
        text.append(String.format(Locale.ROOT, "%-22s %14s %14s%n", "", "planned", "simulated"));
        line(text, "sequential time", planned.sequentialTime(), simulated.sequentialTime(), "min");
        line(text, "parallel makespan", planned.span(), simulated.span(), "min");
        line(text, "speedup", planned.speedup(), simulated.speedup(), "x");
        line(text, "time saved", 100 * planned.timeReduction(), 100 * simulated.timeReduction(), "%");
        line(text, "critical path", planned.criticalPathLength(), simulated.criticalPathLength(), "min");
        line(text, "work / slots", planned.workPerSlot(), simulated.workPerSlot(), "min");
        line(text, "file exclusion", planned.exclusionBound(), simulated.exclusionBound(), "min");
        line(text, "lower bound", planned.lowerBound(), simulated.lowerBound(), "min");
        line(text, "makespan / bound", planned.boundRatio(), simulated.boundRatio(), "x");
        text.append(String.format(Locale.ROOT, "%nUtilization per pool (simulated):%n"));
        new TreeMap<>(simulated.utilization()).forEach((pool, share) -> text.append(String.format(Locale.ROOT,
                "  %-12s %3d slots %5.1f%%%n", pool, slots.slotsOf(pool), 100 * share)));
        text.append(String.format(Locale.ROOT, "%nCritical path (planned): %s%n",
                String.join(" -> ", planned.criticalPath())));
        text.append("Waves (planned):\n");
        for (int i = 0; i < planned.waves().size(); i++) {
            text.append(String.format(Locale.ROOT, "  %d: %s%n", i + 1, String.join(", ", planned.waves().get(i))));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, double planned, double simulated, String unit) {
        text.append(String.format(Locale.ROOT, "%-22s %14s %14s%n", label, format(planned, unit),
                format(simulated, unit)));
    }

    private static String format(double value, String unit) {
        return switch (unit) {
            case "x" -> String.format(Locale.ROOT, "%.2fx", value);
            case "%" -> String.format(Locale.ROOT, "%.0f%%", value);
            default -> String.format(Locale.ROOT, "%.1f %s", value, unit);
        };
    }
}
