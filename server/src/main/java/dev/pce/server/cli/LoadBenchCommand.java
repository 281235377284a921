package dev.pce.server.cli;

import dev.pce.server.bench.load.LoadBench;
import dev.pce.server.bench.load.LoadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    CommandStreams streams;

    @Override
    public Integer call() throws Exception {
        LoadBench bench = streams.checked(() -> new LoadBench(new LoadOptions(agents, pools, processes, transitions,
                seed), streams.out(), streams.err()));
        return bench.run() ? 0 : 1;
    }
}
