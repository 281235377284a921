package dev.pce.server.cli;

import dev.pce.server.bench.Bench;
import dev.pce.server.node.NodePackages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ce bench}: start-up, tool latency over stdio, and event append throughput. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {ScheduleBenchCommand.class, IndexBenchCommand.class, SearchBenchCommand.class,
                LoadBenchCommand.class, CrashBenchCommand.class, PlanBenchCommand.class,
                FreshnessBenchCommand.class},
        description = "Measure start-up, ce_status/ce_claim latency over stdio on a large "
        + "workflow, and event append throughput; prints a markdown table for docs/performance.md.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--startup-runs", defaultValue = "15", description = "Server starts to time (default ${DEFAULT-VALUE}).")
    int startupRuns;

    @Option(names = "--tasks", defaultValue = "1000", description = "Tasks in the latency workflow (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--calls", defaultValue = "1000", description = "Timed ce_status calls (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--appends", defaultValue = "5000", description = "Timed event appends (default ${DEFAULT-VALUE}).")
    int appends;

    @Option(names = "--append-processes", defaultValue = "4",
            description = "Writer processes for the shared-log append rate (default ${DEFAULT-VALUE}).")
    int appendProcesses;

    @Option(names = "--startup-against", paramLabel = "CE_SCRIPT",
            description = "Also time the start-up of another build (the ce script of another checkout), in turn with "
                    + "this one's, and print the run-by-run ratio: a side-by-side comparison on a drifting machine.")
    Optional<Path> startupAgainst = Optional.empty();

    @Option(names = "--startup-reference",
            description = "Also time the start-up of the reference Node.js MCP server (" + NodePackages.SERVER_MEMORY
                    + ", installed with npm into target/npm if missing), in turn with this one's, and print the "
                    + "run-by-run ratio of ./ce serve to it.")
    boolean startupReference;

    @Option(names = "--startup-only", description = "Measure start-up only, without tool latency and appends.")
    boolean startupOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // The ce script names itself so start-up can also be timed the way Claude Code starts the server.
        Optional<Path> launcher = Optional.ofNullable(System.getenv("CE_LAUNCHER")).map(Path::of);
        new Bench(new Bench.BenchOptions(startupRuns, tasks, calls, appends, appendProcesses, launcher,
                startupAgainst.map(Path::toAbsolutePath), startupReference, startupOnly),
                spec.commandLine().getOut()).run();
        return 0;
    }
}
