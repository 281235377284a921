package dev.pce.pkm.index.bench;

import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchHit;
import dev.pce.pkm.index.SearchMode;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.index.VaultSearcher;
import dev.pce.pkm.index.semantic.Embeddings;
import dev.pce.pkm.index.semantic.RankFusion;
import dev.pce.pkm.index.semantic.TextEmbedder;
import dev.pce.pkm.vault.Vault;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What semantic search gains and costs on a real vault: MRR@10 and recall@10 of natural-language questions (each with
 * the one note that answers it) lexically, semantically and hybrid, per split (development, test); and the cost:
 * model load time, indexing rate and index size with and without embeddings, query latency per mode. Prints markdown.
 * One arm of the search evaluation: it takes a vault and a question file, and could join the lexical baselines'.
 */
public final class SemanticSearchEvaluation {
    private static final int CUTOFF = 10;
    private static final int LATENCY_ROUNDS = 5;
    /** As deep as the searcher's own fusion goes. */
    private static final int FUSION_DEPTH = 50;

    /** A question and the id of the note that answers it. */
    public record Question(String split, String expectedId, String text) {
    }

    /** Mean reciprocal rank and recall at {@value #CUTOFF} of one mode on one split. */
    public record Quality(SearchMode mode, String split, int questions, double mrr, double recall) {
    }

    private final Path vaultRoot;
    private final List<Question> questions;
    private final PrintWriter out;

    public SemanticSearchEvaluation(Path vaultRoot, List<Question> questions, PrintWriter out) {
        this.vaultRoot = vaultRoot;
        this.questions = List.copyOf(questions);
        this.out = out;
    }

    /** Reads a question file: tab-separated split, expected note id, question; # starts a comment line. */
    public static List<Question> readQuestions(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
                String[] parts = line.split("\t", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("Line '" + line + "' of " + file + " is not 'split<TAB>id"
                            + "<TAB>question'.");
                }
                return new Question(parts[0].strip(), parts[1].strip(), parts[2].strip());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the questions " + file, e);
        }
    }

    /** Runs everything in {@code scratch} (two index directories) and prints the tables. */
    public List<Quality> run(Path scratch) {
        Vault vault = Vault.open(vaultRoot);
        long loadStart = System.nanoTime();
        Embeddings embeddings = Embeddings.fromEnvironment(Map.of());
        TextEmbedder model = embeddings.await().orElseThrow(() -> new IllegalStateException(
                "The sentence embedding model could not be loaded (see the log)."));
        double loadMillis = millis(System.nanoTime() - loadStart);

        Cost lexicalCost;
        try (VaultIndex lexical = VaultIndex.open(scratch.resolve("lexical"), "eval", Embeddings.off())) {
            lexicalCost = index(lexical, vault, scratch.resolve("lexical"));
        }
        List<Quality> qualities = new ArrayList<>();
        try (VaultIndex semantic = VaultIndex.open(scratch.resolve("semantic"), "eval", Embeddings.of(model))) {
            Cost semanticCost = index(semantic, vault, scratch.resolve("semantic"));
            VaultSearcher searcher = new VaultSearcher(List.of(semantic), Embeddings.of(model));
            out.printf(Locale.ROOT, "Vault %s: %d notes; %d questions; model %s loaded in %.0f ms%n%n", vaultRoot,
                    semantic.size(), questions.size(), model.model(), loadMillis);
            out.println("| mode | split | questions | MRR@10 | recall@10 |");
            out.println("|---|---|---|---|---|");
            List<String> splits = questions.stream().map(Question::split).distinct().toList();
            for (String split : splits) {
                for (SearchMode mode : SearchMode.values()) {
                    Quality quality = quality(searcher, mode, split);
                    qualities.add(quality);
                    out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f |%n", mode.wireName(), split,
                            quality.questions(), quality.mrr(), quality.recall());
                }
            }
            out.println();
            out.println("Reciprocal rank fusion's k on the development questions (the searcher uses "
                    + RankFusion.DEFAULT_K + "):");
            out.println();
            out.println("| k | MRR@10 dev |");
            out.println("|---|---|");
            for (int k : new int[] {1, 10, 30, 60, 100, 200}) {
                out.printf(Locale.ROOT, "| %d | %.3f |%n", k, fusedMrr(searcher, k, "dev"));
            }
            out.println();
            out.println("| index | notes/s | size |");
            out.println("|---|---|---|");
            out.printf(Locale.ROOT, "| lexical | %.0f | %.1f MB |%n", lexicalCost.rate(), lexicalCost.megabytes());
            out.printf(Locale.ROOT, "| with embeddings | %.0f | %.1f MB |%n", semanticCost.rate(),
                    semanticCost.megabytes());
            out.println();
            out.println("| mode | query p50 | query p95 |");
            out.println("|---|---|---|");
            for (SearchMode mode : SearchMode.values()) { // every mode warmed up before any is timed
                for (Question question : questions) {
                    searcher.search(SearchQuery.of(question.text()).in(mode));
                }
            }
            for (SearchMode mode : SearchMode.values()) {
                double[] latencies = latencies(searcher, mode);
                out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n", mode.wireName(), percentile(latencies, 50),
                        percentile(latencies, 95));
            }
        }
        out.flush();
        return qualities;
    }

    private record Cost(double rate, double megabytes) {
    }

    /** Indexes the vault from scratch, embeddings included when the index has them, and measures the index. */
    private static Cost index(VaultIndex index, Vault vault, Path directory) {
        long start = System.nanoTime();
        index.update(vault);
        while (index.unembedded() > 0) {
            int before = index.unembedded();
            if (index.embedBacklog(vault, 64) >= before) {
                throw new IllegalStateException(before + " notes cannot be embedded");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Cost(index.size() / seconds, directoryBytes(directory) / 1e6);
    }

    private Quality quality(VaultSearcher searcher, SearchMode mode, String split) {
        List<Question> asked = questions.stream().filter(q -> q.split().equals(split)).toList();
        double reciprocal = 0;
        int found = 0;
        for (Question question : asked) {
            List<SearchHit> hits = searcher.search(new SearchQuery(question.text(),
                    SearchFilters.NONE, 0, CUTOFF).in(mode)).hits();
            for (int rank = 0; rank < hits.size(); rank++) {
                if (hits.get(rank).id().equals(question.expectedId())) {
                    reciprocal += 1.0 / (rank + 1);
                    found++;
                    break;
                }
            }
        }
        return new Quality(mode, split, asked.size(), reciprocal / asked.size(), (double) found / asked.size());
    }

    /** MRR@10 of hybrid search with fusion constant {@code k}, fusing the two rankings here as the searcher does. */
    private double fusedMrr(VaultSearcher searcher, int k, String split) {
        List<Question> asked = questions.stream().filter(q -> q.split().equals(split)).toList();
        double reciprocal = 0;
        for (Question question : asked) {
            List<String> lexical = ids(searcher, question, SearchMode.LEXICAL);
            List<String> semantic = ids(searcher, question, SearchMode.SEMANTIC);
            List<String> fused = RankFusion.reciprocal(k, lexical, semantic).stream().map(RankFusion.Fused::item)
                    .limit(CUTOFF).toList();
            int rank = fused.indexOf(question.expectedId());
            reciprocal += rank < 0 ? 0 : 1.0 / (rank + 1);
        }
        return asked.isEmpty() ? 0 : reciprocal / asked.size();
    }

    private static List<String> ids(VaultSearcher searcher, Question question, SearchMode mode) {
        return searcher.search(new SearchQuery(question.text(), SearchFilters.NONE, 0, FUSION_DEPTH).in(mode))
                .hits().stream().map(SearchHit::id).toList();
    }

    private double[] latencies(VaultSearcher searcher, SearchMode mode) {
        double[] millis = new double[questions.size() * LATENCY_ROUNDS];
        int i = 0;
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            for (Question question : questions) {
                long start = System.nanoTime();
                searcher.search(SearchQuery.of(question.text()).in(mode));
                millis[i++] = millis(System.nanoTime() - start);
            }
        }
        return millis;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long directoryBytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed while walking (a merged segment)
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a scratch directory. */
    public static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
