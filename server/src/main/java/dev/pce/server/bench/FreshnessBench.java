package dev.pce.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.SearchMode;
import dev.pce.pkm.index.bench.IndexBench;
import dev.pce.server.client.McpStdioClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How soon an edit is searchable as an agent meets it, and what indexing costs from the command line: for each
 * vault size a generated vault (the index benchmark's notes) behind a real server process, five single edits and
 * one batch of ten edits, each timed from the file write to the first {@code ce_search} over stdio that finds it;
 * then {@code ce index} on the same vault in a fresh workspace, with its wall time and peak resident memory.
 */
public final class FreshnessBench {
    private static final long GIVE_UP_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int SINGLE_EDITS = 5;
    private static final int TITLE_EDITS = 3;
    private static final int BATCH = 10;

    private final List<Integer> sizes;
    private final long seed;
    private final boolean cli;
    private final PrintWriter out;

    public FreshnessBench(List<Integer> sizes, long seed, boolean cli, PrintWriter out) {
        this.sizes = List.copyOf(sizes);
        this.seed = seed;
        this.cli = cli;
        this.out = out;
    }

    public void run() throws Exception {
        out.println("| notes | server indexed from start-up | one edit of a body to searchable, median / max (5 edits) "
                + "| one edit of a title (link graph rebuilt), median / max (3 edits) | 10 edits to all searchable "
                + "| `ce index` from scratch: wall time, notes/s, peak RSS |");
        out.println("|---|---|---|---|---|---|");
        out.flush();
        for (int notes : sizes) {
            Path scratch = Files.createTempDirectory("pce-freshness-bench");
            try {
                Path vault = Files.createDirectories(scratch.resolve("vault"));
                new IndexBench(seed).generate(vault, notes);
                String server = serverRow(scratch, vault, notes);
                String index = cli ? cliRow(scratch, vault, notes) : "not run";
                out.printf(Locale.ROOT, "| %,d | %s | %s |%n", notes, server, index);
                out.flush();
            } finally {
                Workspace.deleteTree(scratch);
            }
        }
    }

    private static String serverRow(Path scratch, Path vault, int notes) throws Exception {
        try (McpStdioClient client = SearchBench.serverOn(scratch.resolve("ws"), vault, "pce-freshness-bench")) {
            long start = System.nanoTime();
            while (total(client) == 0) {
                Thread.sleep(20);
            }
            double indexed = (System.nanoTime() - start) / 1e9;
            Thread.sleep(500); // let the start-up update's commit and the first searches settle
            long[] bodies = edits(client, vault, notes, SINGLE_EDITS, 0, "zzbody", false);
            long[] titles = edits(client, vault, notes, TITLE_EDITS, 500, "zztitle", true);
            String marker = "zzbatchzz";
            long t0 = System.nanoTime();
            Set<String> edited = new HashSet<>();
            for (int i = 0; i < BATCH; i++) {
                edited.add(edit(vault, notes, 1_000 + i * 13, marker, false));
            }
            long batch = awaitHits(client, marker, edited, t0);
            return String.format(Locale.ROOT, "%.1f s | %s | %s | %s", indexed, medianAndMax(bodies),
                    medianAndMax(titles), millis(batch));
        }
    }

    /** Edits {@code count} notes one after the other; the nanoseconds until each was found, sorted. */
    private static long[] edits(McpStdioClient client, Path vault, int notes, int count, int first, String prefix,
                                boolean title) throws IOException, InterruptedException {
        long[] delays = new long[count];
        for (int i = 0; i < count; i++) {
            String marker = prefix + (char) ('a' + i) + "zz";
            long t0 = System.nanoTime();
            String edited = edit(vault, notes, first + i * 7, marker, title);
            delays[i] = awaitHits(client, marker, Set.of(edited), t0);
            Thread.sleep(300);
        }
        Arrays.sort(delays);
        return delays;
    }

    private static String medianAndMax(long[] sorted) {
        return millis(sorted[sorted.length / 2]) + " / " + millis(sorted[sorted.length - 1]);
    }

    /**
     * Edits an existing note, n/(k % 100)/note-k.md as the generator names them: a sentence added to its body (its
     * title and links stay, as in most edits), or, with {@code title}, a new title (which changes the link graph).
     * Returns the note's path in the vault.
     */
    private static String edit(Path vault, int notes, int k, String marker, boolean title) throws IOException {
        int note = k % notes;
        String path = "n/" + note % 100 + "/note-" + note + ".md";
        Path file = vault.resolve(path);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String edited = title ? content.replaceFirst("(?m)^title: .*$", "title: Renamed " + marker)
                : content + "\nNow it also says " + marker + ".\n";
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        return path;
    }

    /** Nanoseconds from {@code t0} until a search for {@code marker} finds every note at {@code paths}; -1 past 30 s. */
    private static long awaitHits(McpStdioClient client, String marker, Set<String> paths, long t0)
            throws InterruptedException {
        while (!found(client, marker, paths)) {
            if (System.nanoTime() - t0 > GIVE_UP_NANOS) {
                return -1;
            }
            Thread.sleep(2);
        }
        return System.nanoTime() - t0;
    }

    /** The notes in the index: the total of a search for everything. */
    private static long total(McpStdioClient client) {
        return search(client, "", 1).path("total").asLong();
    }

    /**
     * Whether a search for {@code marker} lists every note at {@code paths}. Lexical, and by path, not by the total:
     * in hybrid mode the nearest notes by meaning count too, so the total could reach the number of edited notes
     * before any edit is indexed.
     */
    private static boolean found(McpStdioClient client, String marker, Set<String> paths) {
        return listsAll(search(client, marker, paths.size()), paths);
    }

    /** Whether {@code answer}, a {@code ce_search} answer, has a hit for each of {@code paths}. */
    static boolean listsAll(JsonNode answer, Set<String> paths) {
        Set<String> listed = new HashSet<>();
        answer.path("hits").forEach(hit -> listed.add(hit.path("note").path("path").asText()));
        return listed.containsAll(paths);
    }

    private static JsonNode search(McpStdioClient client, String text, int limit) {
        ObjectNode args = Json.mapper().createObjectNode().put("query", text).put("limit", limit)
                .put("mode", SearchMode.LEXICAL.wireName());
        return client.callTool("ce_search", args).structured();
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "not seen within 30 s" : String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    /** {@code ce index} from scratch through the launcher that started this process, as a user runs it. */
    private static String cliRow(Path scratch, Path vault, int notes) throws Exception {
        String launcher = System.getenv("CE_LAUNCHER");
        if (launcher == null || launcher.isBlank()) {
            return "not run: start the benchmark with ./ce bench freshness";
        }
        List<String> command = new ArrayList<>(List.of(launcher, "index", "--vault", vault.toString(),
                "--workspace", scratch.resolve("cli-ws").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("cli.log").toFile());
        builder.environment().remove("CE_VAULTS");
        long start = System.nanoTime();
        Process process = builder.start();
        long peakKiB = 0;
        while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peakKiB = Math.max(peakKiB, peakOfTree(process.toHandle()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            return "failed: " + Files.readString(scratch.resolve("cli.log")).strip();
        }
        return String.format(Locale.ROOT, "%.1f s, %,.0f notes/s, %.0f MiB", seconds, notes / seconds,
                peakKiB / 1024.0);
    }

    /** The largest peak resident set (VmHWM) of the process and its descendants (the launcher execs java). */
    private static long peakOfTree(ProcessHandle process) {
        long peak = PlanBench.peakResidentKiB(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            peak = Math.max(peak, PlanBench.peakResidentKiB(child.pid()));
        }
        return peak;
    }
}
