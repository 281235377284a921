package dev.pce.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.service.WorkflowStatus;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.report.StatusText;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.Pages;
import dev.pce.server.client.McpStdioClient.McpClientException;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo: one MCP server process per pool on a shared throwaway workspace (as separate Claude Code sessions
 * would be), a planner that plans a small feature, and simulated planner, builder and reviewer agents that work it
 * off in parallel through the MCP tools. Prints what happens and the final status.
 */
public final class DemoRun {
    private static final Map<String, Integer> AGENTS_PER_POOL = agents();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Path workspace;
    private final double millisPerMinute;
    private final PrintWriter out;
    private long startNanos;

    public DemoRun(Path workspace, double millisPerMinute, PrintWriter out) {
        this.workspace = workspace;
        this.millisPerMinute = millisPerMinute;
        this.out = out;
    }

    private static Map<String, Integer> agents() {
        Map<String, Integer> agents = new LinkedHashMap<>();
        agents.put("planners", 1);
        agents.put("builders", 3);
        agents.put("reviewers", 2);
        return agents;
    }

    /** Where the server of a pool writes its log. */
    private static Path serverLog(Path workspace, String pool) {
        return workspace.resolve("logs").resolve("demo-" + pool + ".stderr");
    }

    /**
     * Runs the demo to completion; returns the final status. Its servers are stopped however it ends.
     *
     * @throws DemoFailure when an agent or a server stopped before the workflow finished
     */
    public WorkflowStatus run() throws Exception {
        startNanos = System.nanoTime();
        Workspace.open(workspace);
        Map<String, McpStdioClient> servers = new LinkedHashMap<>();
        try {
            for (String pool : AGENTS_PER_POOL.keySet()) {
                ProcessBuilder builder = ServerLauncher.serve(workspace, List.of())
                        .redirectError(serverLog(workspace, pool).toFile());
                servers.put(pool, McpStdioClient.start(builder, CALL_TIMEOUT));
            }
            servers.forEach((pool, client) -> client.initialize("pce-demo-" + pool));
            say("started %d MCP server processes on one workspace (one per pool), each over stdio",
                    servers.size());
            ToolResponse plan = servers.get("planners").callTool("ce_plan", samplePlan());
            if (plan.isError()) {
                throw new DemoFailure("ce_plan failed: " + plan.text());
            }
            String workflowId = plan.structured().path("workflow_id").asText();
            say("planner-1   planned  %s: %d tasks, ready now %s", workflowId,
                    plan.structured().path("task_count").asInt(), plan.structured().path("ready_now"));
            JsonNode schedule = plan.structured().path("schedule");
            say("            expected %.0f min with the default pools against %.0f min one task at a time (%.1fx);"
                            + " critical path %s", schedule.path("eta_minutes").asDouble(),
                    schedule.path("sequential_minutes").asDouble(), schedule.path("speedup").asDouble(),
                    String.join(" -> ", Json.mapper().convertValue(schedule.path("critical_path"), String[].class)));
            // the clock starts with the agents: planning (and the rules' first compilation) is not work
            long workStarted = System.nanoTime();
            AtomicLong workMillis = new AtomicLong();
            runAgents(servers, workflowId, workMillis);
            WorkflowStatus finalStatus = Json.mapper().treeToValue(Pages.fullStatus(servers.get("planners"),
                    workflowId), WorkflowStatus.class);
            int events = Pages.allEvents(servers.get("reviewers"), workflowId).size();
            out.println();
            out.print(StatusText.detail(finalStatus));
            double elapsedMillis = (System.nanoTime() - workStarted) / 1e6;
            double sequentialMillis = workMillis.get();
            double speedup = sequentialMillis / elapsedMillis;
            out.printf("%n%d events in the log. Simulated work at %.0f ms per estimated minute, retry included."
                            + "%nParallel pools finished in %.1f s; the same work done one task at a time takes %.1f s"
                            + " (%s).%n",
                    events, millisPerMinute, elapsedMillis / 1000, sequentialMillis / 1000,
                    speedup >= 1 ? String.format("%.1fx faster", speedup)
                            : String.format("%.1fx slower: the machine was too busy for the pools to overlap", 1 / speedup));
            servers.forEach((pool, client) -> {
                if (!client.protocolViolations().isEmpty()) {
                    throw new DemoFailure("the server of pool " + pool + " wrote lines that are not JSON-RPC to "
                            + "stdout: " + client.protocolViolations());
                }
            });
            return finalStatus;
        } catch (McpClientException e) {
            throw new DemoFailure("an MCP server stopped answering: " + e.getMessage() + ". " + logs());
        } finally {
            servers.values().forEach(McpStdioClient::close);
        }
    }

    /**
     * Runs every agent on a thread of its own until the workflow is finished. The first agent that stops with an
     * error stops the others (the work of its pool would never be done, and they would wait for it forever).
     */
    private void runAgents(Map<String, McpStdioClient> servers, String workflowId, AtomicLong workMillis)
            throws InterruptedException {
        Map<Future<?>, DemoAgent> running = new HashMap<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            CompletionService<Void> finished = new ExecutorCompletionService<>(threads);
            long seed = 7;
            for (Map.Entry<String, Integer> pool : AGENTS_PER_POOL.entrySet()) {
                String singular = pool.getKey().substring(0, pool.getKey().length() - 1);
                for (int i = 1; i <= pool.getValue(); i++) {
                    DemoAgent agent = new DemoAgent(singular + "-" + i, pool.getKey(), workflowId,
                            servers.get(pool.getKey()), millisPerMinute, Set.of("build-tests"), seed++, this::say,
                            workMillis);
                    running.put(finished.submit(agent, null), agent);
                }
            }
            for (int left = running.size(); left > 0; left--) {
                Future<Void> done = finished.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    threads.shutdownNow(); // the others stop at their next call or pause
                    DemoAgent agent = running.get(done);
                    throw new DemoFailure(agent.name() + " of pool " + agent.pool() + " stopped: "
                            + reason(e.getCause()) + ". The pool's server log: "
                            + serverLog(workspace, agent.pool()) + ".");
                }
            }
        }
    }

    private static String reason(Throwable error) {
        return error.getMessage() != null ? error.getMessage()
                : "an unexpected error (" + error.getClass().getSimpleName() + ")";
    }

    private String logs() {
        return "The servers' logs: " + serverLog(workspace, "*") + ".";
    }

    /** The sample plan of the demo (examples/plans/rate-limiting.json, packaged into the jar). */
    public static ObjectNode samplePlan() {
        try (InputStream in = DemoRun.class.getResourceAsStream("/examples/plans/rate-limiting.json")) {
            if (in == null) {
                throw new IllegalStateException("the sample plan is missing from the jar");
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void say(String format, Object... args) {
        out.printf("[%5.2fs] %s%n", (System.nanoTime() - startNanos) / 1e9, String.format(format, args));
        out.flush();
    }

    private synchronized void say(String line) {
        say("%s", line);
    }
}
