package dev.pce.server.cli;

import dev.pce.server.bench.LearnedPlanBench;
import dev.pce.server.bench.PlanBench;
import dev.pce.server.bench.PlanSeriesBench;
import dev.pce.server.wiring.CommandWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce bench plan}: what one ce_plan call costs at the bounds on plan size, over stdio. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Time ce_plan over stdio on plans at PCE's bounds (100,000 tasks with 300,000 relations, a "
                + "request near one message), one past them, and the shapes that once cost minutes and gigabytes "
                + "(5,000 tasks x 50 dependencies, many writers of one file): round trip, the server's peak resident "
                + "memory, the event's log line. A fresh server per run; prints a markdown table. With --learned: "
                + "instead, a large plan's ce_plan without learned rules, with a learned estimate rule and with a "
                + "learned review requirement, side by side. With --series: instead, --plans plans of each size "
                + "through one server: round trips, and the server's memory after the last and 3 s later.")
public final class PlanBenchCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "3", description = "Runs per plan (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--learned", description = "Compare a large plan's ce_plan without and with learned rules.")
    boolean learned;

    @Option(names = "--features", defaultValue = "2500",
            description = "With --learned: features of the plan, a build and its review each (default "
                    + "${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--series", split = ",", paramLabel = "TASKS",
            description = "Plan sizes (tasks) to send --plans times each to one server, e.g. 10000,100000.")
    List<Integer> series;

    @Option(names = "--plans", defaultValue = "10",
            description = "With --series: plans of each size sent to one server (default ${DEFAULT-VALUE}).")
    int plans;

    @Option(names = "--server-option", paramLabel = "JVM_OPTION",
            description = "With --series: an extra JVM option for the server (repeatable), e.g. to profile it.")
    List<String> serverOptions = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (series != null && !series.isEmpty()) {
            new PlanSeriesBench(series, Math.max(1, plans), serverOptions, spec.commandLine().getOut()).run();
            return 0;
        }
        if (learned) {
            new LearnedPlanBench(Math.max(1, runs), Math.max(1, features), CommandWiring::learnedRules,
                    spec.commandLine().getOut()).run();
            return 0;
        }
        new PlanBench(Math.max(1, runs), spec.commandLine().getOut()).run();
        return 0;
    }
}
