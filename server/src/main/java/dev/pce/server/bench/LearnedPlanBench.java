package dev.pce.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.gate.Dimension;
import dev.pce.engine.learning.LearnedRulesSink;
import dev.pce.engine.learning.Pattern;
import dev.pce.engine.learning.PatternOrigin;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What learned rules cost a large ce_plan: the same plan timed over stdio in a workspace without learned rules, with
 * a learned estimate rule (the plan is re-estimated) and with a learned review requirement too (an early review is
 * added per build, so the plan is decided again). The arms alternate run by run, each with a fresh workspace and
 * server that planned a small plan first, so the rules are compiled and the timed call is the plan's own cost.
 */
public final class LearnedPlanBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final PatternOrigin ORIGIN = PatternOrigin.local("bench");
    private static final List<String> TAUGHT_BY = List.of("wf-bench-1", "wf-bench-2");

    private final int runs;
    private final int features;
    private final Function<Path, LearnedRulesSink> learnedRules;
    private final PrintWriter out;

    /**
     * @param features     features of the plan, each a build writing its own file under src/ and its review
     * @param learnedRules the learned rules of a workspace, as the server finds them
     */
    public LearnedPlanBench(int runs, int features, Function<Path, LearnedRulesSink> learnedRules,
                            PrintWriter out) {
        this.runs = runs;
        this.features = features;
        this.learnedRules = learnedRules;
        this.out = out;
    }

    /** One arm: what the workspace learned before the server starts. */
    private record Arm(String name, List<Pattern> learned) {
    }

    public void run() throws Exception {
        Pattern estimate = new Pattern.EstimateBias("build", 1.5, 10, 0.77, TAUGHT_BY, ORIGIN);
        Pattern review = new Pattern.ReviewRequirement("build", "src/", Dimension.SECURITY, 10, 0.77, TAUGHT_BY,
                ORIGIN);
        List<Arm> arms = List.of(new Arm("no learned rules", List.of()),
                new Arm("learned: builds take 1.5x (re-estimated)", List.of(estimate)),
                new Arm("learned: 1.5x and a security review of src/ (early reviews added)", List.of(estimate, review)));
        List<List<Long>> nanos = new ArrayList<>();
        List<Integer> stored = new ArrayList<>();
        arms.forEach(arm -> {
            nanos.add(new ArrayList<>());
            stored.add(0);
        });
        Path scratch = Files.createTempDirectory("pce-learned-plan-bench-");
        try {
            out.printf(Locale.ROOT, "## ce_plan with and without learned rules%n%nJava %s, %d cores, %s %s, %d runs "
                    + "each (arms alternating), a plan of %,d tasks (%,d builds and their reviews)%n%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), runs, 2 * features, features);
            out.flush();
            int workspaces = 0;
            for (int run = 0; run < runs; run++) {
                for (int a = 0; a < arms.size(); a++) {
                    Path workspace = Files.createDirectories(scratch.resolve("ws-" + workspaces++));
                    if (!arms.get(a).learned().isEmpty()) {
                        LearnedRulesSink.Outcome learned = learnedRules.apply(workspace).learn(arms.get(a).learned());
                        if (learned.acceptedVersion().isEmpty()) {
                            throw new IllegalStateException("the bench's patterns were not learned: "
                                    + learned.rejection().orElse("") + " " + learned.rejectedPatterns());
                        }
                    }
                    Call call = call(workspace);
                    nanos.get(a).add(call.nanos());
                    stored.set(a, call.tasks());
                }
            }
            out.println("| learned rules | tasks stored | round trip p50 (s) | min (s) | max (s) |");
            out.println("|---|---|---|---|---|");
            for (int a = 0; a < arms.size(); a++) {
                List<Long> sorted = nanos.get(a).stream().sorted().toList();
                out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f |%n", arms.get(a).name(), stored.get(a),
                        sorted.get((sorted.size() - 1) / 2) / 1e9, sorted.getFirst() / 1e9, sorted.getLast() / 1e9);
            }
            out.flush();
        } finally {
            Workspace.deleteTree(scratch);
        }
    }

    private record Call(long nanos, int tasks) {
    }

    private Call call(Path workspace) throws IOException, InterruptedException {
        Process process = ServerLauncher.serve(workspace, List.of()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (McpStdioClient client = McpStdioClient.connect(process.getInputStream(), process.getOutputStream(),
                TIMEOUT)) {
            client.initialize("pce-learned-plan-bench");
            // the rules compile (with the learned ones) for the first plan: not what is timed
            answer(client, client.requestLine("tools/call", McpStdioClient.toolCall("ce_plan", plan(2))));
            ObjectNode plan = plan(features);
            long started = System.nanoTime();
            String line = client.requestLine("tools/call", McpStdioClient.toolCall("ce_plan", plan));
            long nanos = System.nanoTime() - started;
            return new Call(nanos, answer(client, line).path("task_count").asInt());
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static JsonNode answer(McpStdioClient client, String line) {
        ToolResponse response = client.toolResponse(line);
        if (response.isError()) {
            throw new IllegalStateException("ce_plan failed: " + response.text());
        }
        return response.structured();
    }

    /** {@code features} builds of 20 minutes, each writing its own file under src/, each followed by its review. */
    static ObjectNode plan(int features) {
        ObjectNode plan = Json.mapper().createObjectNode().put("goal", features + " features");
        ArrayNode tasks = plan.putArray("tasks");
        for (int i = 0; i < features; i++) {
            ObjectNode build = tasks.addObject().put("id", "build-" + i).put("title", "Build feature " + i)
                    .put("kind", "build").put("estimate", 20);
            build.putArray("writes").add("src/feature" + i + "/Feature" + i + ".java");
            ObjectNode review = tasks.addObject().put("id", "review-" + i).put("title", "Review feature " + i)
                    .put("kind", "review").put("estimate", 5);
            review.putArray("depends_on").add("build-" + i);
        }
        return plan;
    }
}
