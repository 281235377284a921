package dev.pce.server.cli;

import dev.pce.server.wiring.CommandWiring;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.Json;
import dev.pce.engine.Limits;
import dev.pce.engine.dependency.ClassifiedEdge;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.schedule.DurationNoise;
import dev.pce.engine.schedule.PoolSlots;
import dev.pce.engine.schedule.Schedule;
import dev.pce.engine.schedule.Simulation;
import dev.pce.engine.workflow.PlanValidator;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code ce simulate PLAN}: runs a plan's schedule with simulated durations and shows the gain and the gap. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Schedule a plan (ce_plan input format) onto the pools and run it with simulated durations "
                + "(estimates with seeded noise): sequential time, parallel makespan, speedup, utilization per pool "
                + "and the lower bound max(critical path, work/slots).")
public final class SimulateCommand implements Callable<Integer> {

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
        out.flush();
        return 0;
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
