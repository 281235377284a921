package dev.pce.server.cli;

import dev.pce.server.bench.FreshnessBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ce bench freshness}: edit-to-searchable latency over stdio, and {@code ce index}'s rate and memory. */
@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = "For each vault size: generate a vault, start a server on it, time how soon one edited note "
                + "and a batch of ten are found by ce_search over stdio, then time 'ce index' from scratch on the same "
                + "vault (wall time, notes/s, peak resident memory). Scratch directories are deleted at the end.")
public final class FreshnessBenchCommand implements Callable<Integer> {

    @Option(names = "--notes", split = ",", defaultValue = "171,20000,100000",
            description = "Vault sizes, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> notes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated notes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--skip-cli", description = "Do not time 'ce index' from scratch.")
    boolean skipCli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new FreshnessBench(notes, seed, !skipCli, spec.commandLine().getOut()).run();
        return 0;
    }
}
