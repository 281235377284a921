package dev.pce.server.cli;

import dev.pce.server.bench.SearchBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code ce bench search}: ce_search and ce_plan's related learnings over stdio on a generated vault. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Generate a vault, start a server on it, and time ce_search round trips (one term, three "
                + "terms, filtered) and ce_plan with related learnings over stdio.")
public final class SearchBenchCommand implements Callable<Integer> {

    @Option(names = "--notes", defaultValue = "20000", description = "Notes to generate (default ${DEFAULT-VALUE}).")
    int notes;

    @Option(names = "--queries", defaultValue = "500", description = "Timed searches per kind (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated notes (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new SearchBench(notes, queries, seed, spec.commandLine().getOut()).run();
        return 0;
    }
}
