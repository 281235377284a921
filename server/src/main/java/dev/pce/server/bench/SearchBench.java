package dev.pce.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.workspace.Workspace;
import dev.pce.pkm.index.bench.IndexBench;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.ServerLauncher;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Search as an agent meets it: a generated vault (the vault index benchmark's notes) behind a real server process,
 * ce_search round trips over stdio, and ce_plan with the related learnings of 20 tasks.
 */
public final class SearchBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final int notes;
    private final int queries;
    private final long seed;
    private final PrintWriter out;

    public SearchBench(int notes, int queries, long seed, PrintWriter out) {
        this.notes = notes;
        this.queries = queries;
        this.seed = seed;
        this.out = out;
    }

    public void run() throws Exception {
        Path scratch = Files.createTempDirectory("pce-search-bench");
        try {
            Path vault = Files.createDirectories(scratch.resolve("vault"));
            IndexBench generator = new IndexBench(seed);
            generator.generate(vault, notes);
            try (McpStdioClient client = serverOn(scratch.resolve("ws"), vault, "pce-search-bench")) {
                long start = System.nanoTime();
                awaitIndexed(client);
                out.printf("%,d notes indexed by the server in %.1f s (from start-up).%n%n", notes,
                        (System.nanoTime() - start) / 1e9);
                out.println("| measure | runs | min | p50 | p99 | max |");
                out.println("|---|---|---|---|---|---|");
                time(client, "ce_search, one term", r -> search(generator.queryText(r, 1)));
                time(client, "ce_search, three terms", r -> search(generator.queryText(r, 3)));
                time(client, "ce_search, one term + type filter",
                        r -> search(generator.queryText(r, 1)).set("types", Json.mapper().valueToTree(
                                List.of("decision", "failure"))));
                timePlans(client, generator);
            }
        } finally {
            Workspace.deleteTree(scratch);
        }
        out.flush();
    }

    /** The first index commit holds the whole vault: once anything is found, everything is. */
    private static void awaitIndexed(McpStdioClient client) throws InterruptedException {
        while (client.callTool("ce_search", search("")).structured().path("total").asLong() == 0) {
            Thread.sleep(100);
        }
    }

    private static ObjectNode search(String text) {
        return Json.mapper().createObjectNode().put("query", text);
    }

    private void time(McpStdioClient client, String measure, Function<Random, ObjectNode> arguments) {
        Random random = new Random(7);
        Samples samples = new Samples();
        for (int i = -queries / 2; i < queries; i++) { // the first half-run warms up
            Samples into = i < 0 ? new Samples() : samples;
            TimedCalls.requireSuccess(TimedCalls.timedCall(client, into, "ce_search", arguments.apply(random)));
        }
        row(measure + " (ms)", samples);
    }

    /** ce_plan of 20 tasks, each getting its three most related learnings. */
    private void timePlans(McpStdioClient client, IndexBench generator) {
        Random random = new Random(11);
        Samples samples = new Samples();
        int plans = Math.max(10, queries / 20);
        for (int p = -plans / 2; p < plans; p++) {
            ObjectNode plan = Json.mapper().createObjectNode().put("goal", "bench");
            var tasks = plan.putArray("tasks");
            for (int t = 0; t < 20; t++) {
                tasks.addObject().put("id", "t" + t).put("title", generator.queryText(random, 6)).put("kind", "build");
            }
            TimedCalls.requireSuccess(TimedCalls.timedCall(client, p < 0 ? new Samples() : samples, "ce_plan", plan));
        }
        row("ce_plan of 20 tasks with related learnings (ms)", samples);
    }

    private void row(String measure, Samples samples) {
        out.printf("| %s | %s |%n", measure, samples.cells());
        out.flush();
    }

    /** A server over stdio in {@code workspace} whose only vault is {@code vault}, initialized by {@code client}. */
    static McpStdioClient serverOn(Path workspace, Path vault, String client) throws IOException {
        ProcessBuilder builder = ServerLauncher.serve(workspace, List.of())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CE_VAULT", vault.toString());
        builder.environment().remove("CE_VAULTS");
        McpStdioClient started = McpStdioClient.start(builder, TIMEOUT);
        try {
            started.initialize(client);
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }
}
