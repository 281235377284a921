package dev.pce.server.cli;

import dev.pce.server.bench.load.LoadBench;
import dev.pce.server.bench.load.LoadOptions;
import dev.pce.server.logging.LoggingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce bench load}: pools of simulated agents against one workspace through several server processes. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Run pools of simulated agents against one workspace through several real server processes "
                + "over stdio until the plan's task transitions are done, then check the event log on disk: "
                + "nothing lost or duplicated, no double claim, gap-free sequence, every task done, every server's "
                + "status equal to the replayed log. Prints throughput and ce_claim/ce_complete/ce_fail round trips "
                + "as markdown; exit code 1 when a check fails.")
public final class LoadBenchCommand implements Callable<Integer> {

    @Option(names = "--agents", defaultValue = "8", description = "Agents per pool (default ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--pools", defaultValue = "5", description = "Pools (default ${DEFAULT-VALUE}).")
    int pools;

    @Option(names = "--processes", defaultValue = "5", split = ",",
            description = "Server processes sharing the workspace; a list such as 1,5 runs once per count, side by "
                    + "side (default ${DEFAULT-VALUE}).")
    List<Integer> processes;

    @Option(names = "--transitions", defaultValue = "10000",
            description = "Task transitions the plan is sized for, at least (default ${DEFAULT-VALUE}).")
    int transitions;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the plan, failures and abandoned leases "
            + "(default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoggingSetup.configureForCli();
        LoadBench bench;
        try {
            bench = new LoadBench(new LoadOptions(agents, pools, processes, transitions, seed),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return bench.run() ? 0 : 1;
    }
}
