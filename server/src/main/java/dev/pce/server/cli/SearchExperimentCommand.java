package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.experiment.KnownItemQueries;
import dev.pce.pkm.index.experiment.SearchArms;
import dev.pce.pkm.index.experiment.SearchCollection;
import dev.pce.pkm.index.experiment.SearchCollections;
import dev.pce.pkm.index.experiment.SearchExperiment;
import dev.pce.pkm.index.experiment.SetRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ce experiment search}: known-item search over development and held-out collections, PCE's ranking side by
 * side with a plain SQLite FTS5 BM25 table of the same notes.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Draw known-item queries (three distinctive words of a note's body, none of its title) over "
                + "generated vaults (development and held-out seeds) and the compound-engineering plugin's notes "
                + "(development: solutions/; held out: plans/ and brainstorms/), rank them with PCE's index and "
                + "with a plain SQLite FTS5 table ranked by bm25(), and print MRR@10 and recall@10 per collection "
                + "and arm, with each arm's MRR@10 over FTS5's (see docs/pkm.md, Ranking evaluation).")
final class SearchExperimentCommand implements Callable<Integer> {

    @Option(names = "--corpus", defaultValue = "examples/vaults/compound-engineering", paramLabel = "DIR",
            description = "The compound-engineering vault, with solutions/, plans/ and brainstorms/ "
                    + "(default ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--no-corpus", description = "Generated vaults only.")
    boolean noCorpus;

    @Option(names = "--notes", defaultValue = "5000",
            description = "Notes per generated vault (20 to 200000, default ${DEFAULT-VALUE}).")
    int notes;

    @Option(names = "--queries", defaultValue = "200",
            description = "Queries per collection at most (1 to 10000, default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--dev-seeds", defaultValue = "1,2", split = ",", paramLabel = "SEEDS",
            description = "Seeds of the development vaults (default ${DEFAULT-VALUE}).")
    List<Long> devSeeds;

    @Option(names = "--test-seeds", defaultValue = "101,102", split = ",", paramLabel = "SEEDS",
            description = "Seeds of the held-out vaults (default ${DEFAULT-VALUE}; never tune on them).")
    List<Long> testSeeds;

    @Option(names = "--sets", defaultValue = "all", paramLabel = "dev|test|all",
            description = "Which sets to run (default ${DEFAULT-VALUE}).")
    String sets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        check();
        Path dir = Files.createTempDirectory("ce-search-experiment-");
        try {
            List<SearchCollection> collections = collections(dir);
            List<SearchExperiment.CollectionResult> results = SearchExperiment.run(collections, SearchArms.ALL,
                    dir.resolve("arms"));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Known-item search: %d words of a note's body per query (none of its title), "
                    + "MRR@10 and recall@10; FTS5 is a plain SQLite FTS5 table ranked by bm25()%n%n", KnownItemQueries.WORDS);
            SearchExperiment.table(results, SearchArms.BASELINE.name()).forEach(out::println);
            out.flush();
            return 0;
        } finally {
            Workspace.deleteTree(dir);
        }
    }

    private List<SearchCollection> collections(Path dir) throws IOException {
        List<SearchCollection> collections = new ArrayList<>();
        if (includes(SetRole.DEVELOPMENT)) {
            for (long seed : devSeeds) {
                collections.add(SearchCollections.generated(SetRole.DEVELOPMENT, seed, notes, queries, dir));
            }
            if (!noCorpus) {
                collections.add(SearchCollections.folder("compound-engineering solutions/", SetRole.DEVELOPMENT,
                        corpus.resolve("solutions"), path -> true, queries, 1));
            }
        }
        if (includes(SetRole.TEST)) {
            for (long seed : testSeeds) {
                collections.add(SearchCollections.generated(SetRole.TEST, seed, notes, queries, dir));
            }
            if (!noCorpus) {
                collections.add(SearchCollections.folder("compound-engineering, plans/ and brainstorms/",
                        SetRole.TEST, corpus, path -> path.startsWith("plans/") || path.startsWith("brainstorms/"),
                        queries, 101));
            }
        }
        return collections;
    }

    private boolean includes(SetRole role) {
        return sets.equals("all") || sets.equals(role.label());
    }

    private void check() {
        if (!List.of("all", "dev", "test").contains(sets)) {
            throw new ParameterException(spec.commandLine(), "--sets must be dev, test or all, not '" + sets + "'.");
        }
        if (notes < 20 || notes > 200_000) {
            throw new ParameterException(spec.commandLine(), "--notes must be 20 to 200000, not " + notes + ".");
        }
        if (queries < 1 || queries > 10_000) {
            throw new ParameterException(spec.commandLine(), "--queries must be 1 to 10000, not " + queries + ".");
        }
        if (!noCorpus && !Files.isDirectory(corpus.resolve("solutions"))) {
            throw new ParameterException(spec.commandLine(), "--corpus " + corpus + " has no solutions/ folder: run "
                    + "from the repository's root, point --corpus at examples/vaults/compound-engineering, or give "
                    + "--no-corpus.");
        }
    }
}
