package dev.pce.server.cli;

import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.experiment.KnownItemQueries;
import dev.pce.pkm.index.experiment.RankingScores;
import dev.pce.pkm.index.experiment.SearchArms;
import dev.pce.pkm.index.experiment.SearchCollection;
import dev.pce.pkm.index.experiment.SearchCollections;
import dev.pce.pkm.index.experiment.SearchExperiment;
import dev.pce.pkm.index.experiment.SetRole;
import picocli.CommandLine;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ce experiment search}: known-item search over development and held-out collections, PCE's ranking side by
 * side with a plain SQLite FTS5 BM25 table of the same notes.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Draw known-item queries (three distinctive words of a note's body, none of its title) over "
                + "generated vaults (development and held-out seeds) and the compound-engineering plugin's notes "
                + "(development: solutions/; held out: plans/ and brainstorms/), and over any vault given with "
                + "--vault (held out), rank them with PCE's index and "
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

    @Option(names = "--sets", defaultValue = "all", paramLabel = "dev|test|external|all",
            description = "Which sets to run: dev, test (every held-out set, --vault's too), external (--vault's "
                    + "only) or all (default ${DEFAULT-VALUE}).")
    String sets;

    @Option(names = "--vault", paramLabel = "NAME=DIR", converter = NamedVault.Converter.class,
            description = "A vault from outside the repository as a held-out collection named NAME: every note is a "
                    + "possible target, queries drawn with the held-out seed (repeatable; never tune on it).")
    List<NamedVault> vaults = new ArrayList<>();

    @Option(names = "--losses", defaultValue = "0", paramLabel = "N",
            description = "Also list up to N queries per collection that FTS5 ranks better than PCE (default "
                    + "${DEFAULT-VALUE}): to see why, on sets that may be looked at.")
    int losses;

    @Option(names = "--by-folder",
            description = "Also print each arm's MRR@10 per top folder of the right notes (a multilingual vault's "
                    + "language folders, say).")
    boolean byFolder;

    @Spec
    CommandSpec spec;

    /** {@code --sets} once checked. */
    private Selection selection;

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
            if (byFolder) {
                out.printf(Locale.ROOT, "%nMRR@10 per top folder of the right notes%n%n");
                SearchExperiment.byFolder(results).forEach(out::println);
            }
            if (losses > 0) {
                out.printf(Locale.ROOT, "%nQueries FTS5 ranks better than PCE (query -> right note: ranks within the first %d)%n",
                        RankingScores.K);
                SearchExperiment.losses(results, SearchArms.PCE.name(), SearchArms.BASELINE.name(), losses)
                        .forEach(out::println);
            }
            out.flush();
            return 0;
        } finally {
            Workspace.deleteTree(dir);
        }
    }

    private List<SearchCollection> collections(Path dir) throws IOException {
        List<SearchCollection> collections = new ArrayList<>();
        if (selection.includesRepositorySets(SetRole.DEVELOPMENT)) {
            for (long seed : devSeeds) {
                collections.add(SearchCollections.generated(SetRole.DEVELOPMENT, seed, notes, queries, dir));
            }
            if (!noCorpus) {
                collections.add(SearchCollections.folder("compound-engineering solutions/", SetRole.DEVELOPMENT,
                        corpus.resolve("solutions"), path -> true, queries, SearchCollections.DEVELOPMENT_QUERY_SEED));
            }
        }
        if (selection.includesRepositorySets(SetRole.TEST)) {
            for (long seed : testSeeds) {
                collections.add(SearchCollections.generated(SetRole.TEST, seed, notes, queries, dir));
            }
            if (!noCorpus) {
                collections.add(SearchCollections.folder("compound-engineering, plans/ and brainstorms/",
                        SetRole.TEST, corpus, path -> path.startsWith("plans/") || path.startsWith("brainstorms/"),
                        queries, SearchCollections.HELD_OUT_QUERY_SEED));
            }
        }
        if (selection.includesExternalVaults()) {
            for (NamedVault vault : vaults) {
                collections.add(SearchCollections.external(vault.name(), vault.root(), queries));
            }
        }
        return collections;
    }

    /** Which collections {@code --sets} runs: the repository's (generated and plugin) of a role, --vault's, or both. */
    enum Selection {
        DEV, TEST, EXTERNAL, ALL;

        boolean includesRepositorySets(SetRole role) {
            return this == ALL || (this == DEV && role == SetRole.DEVELOPMENT) || (this == TEST && role == SetRole.TEST);
        }

        /** The vaults of --vault are held out, so every selection with held-out sets runs them. */
        boolean includesExternalVaults() {
            return this != DEV;
        }

        static Optional<Selection> of(String label) {
            return Arrays.stream(values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(label)).findFirst();
        }
    }

    /** A vault given with {@code --vault NAME=DIR}. */
    record NamedVault(String name, Path root) {

        /** Parses {@code NAME=DIR}; picocli reports the message of a bad one with the option and the value. */
        static final class Converter implements CommandLine.ITypeConverter<NamedVault> {
            @Override
            public NamedVault convert(String value) {
                int equals = value.indexOf('=');
                if (equals <= 0 || equals == value.length() - 1) {
                    throw new CommandLine.TypeConversionException("give a name and a folder as NAME=DIR, for "
                            + "example obsidian-help=../obsidian-help, not '" + value + "'");
                }
                return new NamedVault(value.substring(0, equals).strip(), Path.of(value.substring(equals + 1)));
            }
        }
    }

    private void check() {
        selection = Selection.of(sets).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--sets must be dev, test, external or all, not '" + sets + "'."));
        if (notes < 20 || notes > 200_000) {
            throw new ParameterException(spec.commandLine(), "--notes must be 20 to 200000, not " + notes + ".");
        }
        if (queries < 1 || queries > 10_000) {
            throw new ParameterException(spec.commandLine(), "--queries must be 1 to 10000, not " + queries + ".");
        }
        if (losses < 0 || losses > 10_000) {
            throw new ParameterException(spec.commandLine(), "--losses must be 0 to 10000, not " + losses + ".");
        }
        if (selection == Selection.EXTERNAL && vaults.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--sets external runs the vaults of --vault, and none "
                    + "was given: add --vault NAME=DIR.");
        }
        if (selection == Selection.DEV && !vaults.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--vault gives held-out collections, which --sets dev "
                    + "leaves out: give --sets external, test or all, or drop --vault.");
        }
        Set<String> names = new HashSet<>();
        for (NamedVault vault : vaults) {
            if (!names.add(vault.name())) {
                throw new ParameterException(spec.commandLine(), "--vault names '" + vault.name() + "' twice: give "
                        + "each vault a name of its own.");
            }
            if (!Files.isDirectory(vault.root())) {
                throw new ParameterException(spec.commandLine(), "--vault " + vault.name() + "=" + vault.root()
                        + ": no such folder; give the folder of the vault's notes (for the Obsidian help vault, "
                        + "a clone of github.com/obsidianmd/obsidian-help).");
            }
        }
        boolean usesCorpus = selection != Selection.EXTERNAL && !noCorpus;
        if (usesCorpus && !Files.isDirectory(corpus.resolve("solutions"))) {
            throw new ParameterException(spec.commandLine(), "--corpus " + corpus + " has no solutions/ folder: run "
                    + "from the repository's root, point --corpus at examples/vaults/compound-engineering, or give "
                    + "--no-corpus.");
        }
    }
}
