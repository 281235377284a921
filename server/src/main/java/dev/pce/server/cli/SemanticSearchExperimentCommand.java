package dev.pce.server.cli;

import dev.pce.pkm.index.bench.SemanticSearchEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ce experiment search-semantic}: the gain and cost of semantic and hybrid search (docs/pkm.md). */
@Command(name = "search-semantic", mixinStandardHelpOptions = true,
        description = "Index a vault with and without sentence embeddings, ask natural-language questions (each with "
                + "the note that answers it) lexically, semantically and hybrid, and print MRR@10 and recall@10 per "
                + "split, the indexing rate, the index size and the query latency per mode.")
public final class SemanticSearchExperimentCommand implements Callable<Integer> {

    @Option(names = "--vault", defaultValue = "examples/vaults/compound-engineering",
            description = "The vault (default ${DEFAULT-VALUE}).")
    Path vault;

    @Option(names = "--questions", defaultValue = "examples/search-questions/semantic-questions.tsv",
            description = "Tab-separated split, expected note id, question (default ${DEFAULT-VALUE}).")
    Path questions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("pce-semantic-eval");
        try {
            new SemanticSearchEvaluation(vault, SemanticSearchEvaluation.readQuestions(questions),
                    spec.commandLine().getOut()).run(scratch);
        } finally {
            SemanticSearchEvaluation.deleteTree(scratch);
        }
        return 0;
    }
}
