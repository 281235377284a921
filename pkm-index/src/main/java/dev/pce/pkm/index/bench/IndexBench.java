package dev.pce.pkm.index.bench;

import dev.pce.pkm.index.SearchFilters;
import dev.pce.pkm.index.SearchQuery;
import dev.pce.pkm.index.UpdateResult;
import dev.pce.pkm.index.VaultIndex;
import dev.pce.pkm.index.VaultSearcher;
import dev.pce.pkm.index.VaultWatcher;
import dev.pce.pkm.vault.Vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Measures the vault index on a generated vault: full indexing speed, index size, query latencies and how soon an
 * edited note is searchable with the watcher running. Prints a markdown table.
 *
 * <pre>java -cp ... dev.pce.pkm.index.bench.IndexBench [--notes 100000] [--queries 1000] [--seed 1]</pre>
 */
public final class IndexBench {
    private static final String[] TYPES = {"insight", "decision", "failure", "pattern"};
    private static final String[] PROJECTS = {"pce", "billing", "search", "mobile", "infra"};

    private final Random random;
    private final String[] words;
    private final double[] cumulative;

    public IndexBench(long seed) {
        random = new Random(seed);
        words = vocabulary(20_000);
        cumulative = zipf(words.length);
    }

    public static void main(String[] args) throws Exception {
        int notes = 100_000;
        int queries = 1_000;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--notes" -> notes = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path tmp = Files.createTempDirectory("pce-index-bench");
        try {
            new IndexBench(seed).run(tmp, notes, queries);
        } finally {
            deleteTree(tmp);
        }
    }

    private void run(Path tmp, int notes, int queries) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("vault"));
        long t0 = System.nanoTime();
        long bytes = generate(root, notes);
        double genSeconds = seconds(t0);
        Vault vault = Vault.open(root);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"notes", String.format("%,d (%.1f MB of markdown, written in %.1f s)", notes,
                bytes / 1e6, genSeconds)});
        try (VaultIndex index = VaultIndex.open(tmp.resolve("index"), "bench")) {
            long start = System.nanoTime();
            UpdateResult full = index.update(vault);
            double took = seconds(start);
            rows.add(new String[] {"full index", String.format("%.1f s, %,.0f notes/s", took, full.added() / took)});
            rows.add(new String[] {"index size", String.format("%.1f MB", size(tmp.resolve("index")) / 1e6)});
            start = System.nanoTime();
            UpdateResult idle = index.update(vault);
            rows.add(new String[] {"update, nothing changed", String.format("%.0f ms (%,d files compared, none "
                    + "read)", seconds(start) * 1000, idle.unchanged())});

            VaultSearcher searcher = VaultSearcher.of(index);
            SearchFilters filter = SearchFilters.NONE.withTypes("decision", "failure").between(
                    Optional.of(LocalDate.of(2024, 1, 1)), Optional.of(LocalDate.of(2024, 12, 31)));
            record Kind(String name, Function<Random, SearchQuery> query) {
            }
            List<Kind> kinds = List.of(
                    new Kind("single term", r -> SearchQuery.of(word(r, 50, 2_000))),
                    new Kind("three terms", r -> SearchQuery.of(word(r, 50, 2_000) + " " + word(r, 50, 2_000) + " "
                            + word(r, 50, 2_000))),
                    new Kind("phrase", r -> SearchQuery.of("\"" + word(r, 0, 300) + " " + word(r, 0, 300) + "\"")),
                    new Kind("term + type + date filter", r -> SearchQuery.of(word(r, 50, 2_000)).filtered(filter)),
                    new Kind("more like text", r -> null));
            for (Kind kind : kinds) {
                Random r = new Random(7);
                boolean mlt = kind.query().apply(r) == null;
                long[] times = new long[queries];
                for (int i = -queries / 2; i < queries; i++) { // the first half-run warms up
                    SearchQuery q = mlt ? null : kind.query().apply(r);
                    String text = mlt ? sentence(r, 20) : null;
                    long s = System.nanoTime();
                    if (mlt) {
                        searcher.moreLikeText(text, SearchFilters.NONE, 10);
                    } else {
                        searcher.search(q);
                    }
                    if (i >= 0) {
                        times[i] = System.nanoTime() - s;
                    }
                }
                Arrays.sort(times);
                rows.add(new String[] {"query: " + kind.name() + " (10 hits with snippets)", String.format(
                        "p50 %.2f ms, p99 %.2f ms", times[queries / 2] / 1e6, times[queries * 99 / 100] / 1e6)});
            }
            rows.add(new String[] {"edit to searchable (watcher, 150 ms debounce)", freshness(vault, index,
                    searcher, root)});
            rows.add(new String[] {"update after 10 changed notes, their paths given (the watcher's way)",
                    incremental(index, vault, root, notes, 2_000, true)});
            rows.add(new String[] {"update after 10 changed notes, the vault listed (start-up, rescan, ce index)",
                    incremental(index, vault, root, notes, 3_000, false)});
        }
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        rows.forEach(row -> System.out.println("| " + row[0] + " | " + row[1] + " |"));
    }

    /** Appends a sentence to 10 notes, then times one update of the index: for their paths, or of the vault. */
    private static String incremental(VaultIndex index, Vault vault, Path root, int notes, int first, boolean paths)
            throws IOException {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int k = (first + i * 31) % notes;
            String path = "n/" + k % 100 + "/note-" + k + ".md";
            Files.writeString(root.resolve(path), Files.readString(root.resolve(path)) + "\nChanged again.\n");
            changed.add(path);
        }
        long start = System.nanoTime();
        UpdateResult result = paths ? index.update(vault, changed) : index.update(vault);
        return String.format("%.0f ms (%d changed, %,d compared unchanged)", seconds(start) * 1000,
                result.changed(), result.unchanged());
    }

    private String freshness(Vault vault, VaultIndex index, VaultSearcher searcher, Path root) throws Exception {
        long[] delays = new long[5];
        try (VaultWatcher watcher = VaultWatcher.start(vault, index)) {
            for (int i = 0; i < delays.length; i++) {
                String marker = "zzmarker" + (char) ('a' + i) + "zz";
                int k = i * 7; // an existing note: n/<k % 100>/note-<k>.md
                Path file = root.resolve("n/" + k % 100 + "/note-" + k + ".md");
                long start = System.nanoTime();
                Files.writeString(file, "---\ntitle: Edited " + i + "\n---\nNow it says " + marker + ".\n");
                while (searcher.search(SearchQuery.of(marker)).totalHits() == 0) {
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        return "not seen within 30 s";
                    }
                    Thread.sleep(1);
                }
                delays[i] = System.nanoTime() - start;
                Thread.sleep(300);
            }
        }
        Arrays.sort(delays);
        return String.format("median %.0f ms, max %.0f ms (5 edits)", delays[2] / 1e6, delays[4] / 1e6);
    }

    /**
     * Writes {@code notes} generated notes into {@code root} (100 folders, front matter, three paragraphs of
     * Zipf-distributed words); returns the bytes written. Other benchmarks (search over stdio) use the same vault.
     */
    public long generate(Path root, int notes) throws IOException {
        long bytes = 0;
        for (int i = 0; i < notes; i++) {
            Path dir = root.resolve("n/" + (i % 100));
            if (i < 100) {
                Files.createDirectories(dir);
            }
            LocalDate date = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1_400));
            StringBuilder md = new StringBuilder(1_200).append("---\ntitle: ").append(sentence(random, 4))
                    .append("\ntype: ").append(TYPES[random.nextInt(TYPES.length)])
                    .append("\nproject: ").append(PROJECTS[random.nextInt(PROJECTS.length)])
                    .append("\ntags: [").append(word(random, 100, 600)).append(", ").append(word(random, 100, 600))
                    .append("]\ndate: ").append(date).append("\n---\n");
            for (int p = 0; p < 3; p++) {
                md.append(sentence(random, 25 + random.nextInt(30))).append(".\n\n");
            }
            byte[] content = md.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(dir.resolve("note-" + i + ".md"), content);
            bytes += content.length;
        }
        return bytes;
    }

    private String sentence(Random r, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : " ").append(zipfWord(r));
        }
        return s.toString();
    }

    /** A search text of {@code words} words as the query benchmarks use (frequent enough to match). */
    public String queryText(Random r, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word(r, 50, 2_000));
        }
        return text.toString();
    }

    /** A word of Zipf rank in [from, to): frequent enough to match, rare enough to rank. */
    private String word(Random r, int from, int to) {
        return words[from + r.nextInt(to - from)];
    }

    private String zipfWord(Random r) {
        int i = Arrays.binarySearch(cumulative, r.nextDouble());
        return words[Math.min(i < 0 ? -i - 1 : i, words.length - 1)];
    }

    private static String[] vocabulary(int size) {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "pa", "qui", "dor", "fen", "gal",
                "hin", "jot", "ber", "cas", "wex", "yul"};
        Random r = new Random(42);
        java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
        while (set.size() < size) {
            int n = 2 + r.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < n; i++) {
                w.append(syllables[r.nextInt(syllables.length)]);
            }
            set.add(w.toString());
        }
        return set.toArray(String[]::new);
    }

    private static double[] zipf(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
