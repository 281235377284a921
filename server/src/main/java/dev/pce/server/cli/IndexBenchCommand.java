package dev.pce.server.cli;

import dev.pce.pkm.index.bench.IndexBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code ce bench index}: the vault index's throughput, query latency and freshness (see docs/performance.md). */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Generate a vault of notes in a scratch directory, index it from scratch, time single-term, "
                + "multi-term, phrase, filtered and more-like-this queries, and how soon an edited note is "
                + "searchable. The scratch directory is deleted at the end.")
public final class IndexBenchCommand implements Callable<Integer> {

    @Option(names = "--notes", defaultValue = "100000", description = "Notes to generate (default ${DEFAULT-VALUE}).")
    int notes;

    @Option(names = "--queries", defaultValue = "1000", description = "Timed queries per kind (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated notes (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        IndexBench.main(new String[] {"--notes", String.valueOf(notes), "--queries", String.valueOf(queries),
                "--seed", String.valueOf(seed)});
        return 0;
    }
}
