package dev.pce.server.cli;

import dev.pce.server.bench.crash.CrashBench;
import dev.pce.server.bench.crash.CrashOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code ce bench crash}: processes killed with SIGKILL while they append; nothing acknowledged may be lost. */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Kill processes with SIGKILL at random moments while they write one workflow's event log "
                + "(light appenders using the engine's log code, and real ce serve processes whose agents claim and "
                + "complete tasks), check after every wave that the log holds everything they acknowledged, and let "
                + "a fresh server take the workflow on. Prints a markdown report; exit code 1 when anything "
                + "acknowledged was lost. The test suite runs 500 kills; this is for more.")
public final class CrashBenchCommand implements Callable<Integer> {

    @Option(names = "--kills", defaultValue = "5000", description = "Processes to kill (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--appenders", defaultValue = "8", description = "Appenders per wave (default ${DEFAULT-VALUE}).")
    int appenders;

    @Option(names = "--servers", defaultValue = "2",
            description = "ce serve processes in a wave with servers (default ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--server-wave-every", defaultValue = "4",
            description = "Start servers in every n-th wave (default ${DEFAULT-VALUE}).")
    int serverWaveEvery;

    @Option(names = "--agents", defaultValue = "3",
            description = "Agents per server, their calls in flight together (default ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--max-delay", defaultValue = "60",
            description = "A process dies up to this many milliseconds after its first acknowledgement "
                    + "(default ${DEFAULT-VALUE}).")
    int maxDelay;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill moments (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommandStreams streams;

    @Override
    public Integer call() throws Exception {
        CrashOptions options = streams.checked(() -> new CrashOptions(kills, appenders, servers, serverWaveEvery,
                agents, CrashOptions.forKills(kills, seed).tasks(), maxDelay, seed));
        return new CrashBench(options, streams.out(), streams.err()).run() ? 0 : 1;
    }
}
