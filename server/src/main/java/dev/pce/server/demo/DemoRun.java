package dev.pce.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.engine.event.Event;
import dev.pce.engine.event.EventCodec;
import dev.pce.engine.metrics.WorkflowMetrics;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The demo: one MCP server process per pool on a shared throwaway workspace (as separate Claude Code sessions
 * would be), a planner that plans three features at once, and simulated planner, builder and reviewer agents that
 * work them off in parallel through the MCP tools. Prints what happens, the final status, and what the event log
 * measured: how many agents worked at once and how much time the parallel pools saved.
 */
public final class DemoRun {
    private static final Map<String, Integer> AGENTS_PER_POOL = agents();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The task whose first attempt fails, so the demo shows a retry. */
    private static final String FLAKY_TASK = "test-audit";

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
        // wide enough for the plan's three features to keep six builders busy at once
        agents.put("planners", 2);
        agents.put("builders", 6);
        agents.put("reviewers", 3);
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
                builder.environment().put("CE_POOLS", poolsSpec()); // the forecast for the demo's agents
                servers.put(pool, McpStdioClient.start(builder, CALL_TIMEOUT));
            }
            servers.forEach((pool, client) -> client.initialize("pce-demo-" + pool));
            say("started %d MCP server processes on one workspace (one per pool), each over stdio",
                    servers.size());
            ToolResponse plan = servers.get("planners").callTool("ce_plan", demoPlan());
            if (plan.isError()) {
                throw new DemoFailure("ce_plan failed: " + plan.text());
            }
            String workflowId = plan.structured().path("workflow_id").asText();
            say("planner-1   planned  %s: %d tasks, ready now %s", workflowId,
                    plan.structured().path("task_count").asInt(), plan.structured().path("ready_now"));
            JsonNode schedule = plan.structured().path("schedule");
            double forecastSpeedup = schedule.path("speedup").asDouble();
            say("            expected %.0f min with the pools %s against %.0f min one task at a time (%.1fx, %.0f%% "
                            + "less time); critical path %s", schedule.path("eta_minutes").asDouble(), poolsSpec(),
                    schedule.path("sequential_minutes").asDouble(), forecastSpeedup, 100 * (1 - 1 / forecastSpeedup),
                    String.join(" -> ", Json.mapper().convertValue(schedule.path("critical_path"), String[].class)));
            runAgents(servers, workflowId);
            WorkflowStatus finalStatus = Json.mapper().treeToValue(Pages.fullStatus(servers.get("planners"),
                    workflowId), WorkflowStatus.class);
            List<Event> events = Pages.allEvents(servers.get("reviewers"), workflowId).stream()
                    .map(event -> EventCodec.fromJson(event, "ce_events")).toList();
            out.println();
            out.print(StatusText.detail(finalStatus));
            out.print(measured(WorkflowMetrics.of(workflowId, events, Instant.now()), events.size(),
                    forecastSpeedup));
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
    private void runAgents(Map<String, McpStdioClient> servers, String workflowId)
            throws InterruptedException {
        Map<Future<?>, DemoAgent> running = new HashMap<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            CompletionService<Void> finished = new ExecutorCompletionService<>(threads);
            long seed = 7;
            for (Map.Entry<String, Integer> pool : AGENTS_PER_POOL.entrySet()) {
                String singular = pool.getKey().substring(0, pool.getKey().length() - 1);
                for (int i = 1; i <= pool.getValue(); i++) {
                    DemoAgent agent = new DemoAgent(singular + "-" + i, pool.getKey(), workflowId,
                            servers.get(pool.getKey()), millisPerMinute, Set.of(FLAKY_TASK), seed++, this::say);
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

    /**
     * What the event log measured, beside the forecast: the most agents that held a claim at once, and the time
     * saved against one task at a time (the completed attempts' durations added up), both from the events' times.
     */
    private String measured(WorkflowMetrics metrics, int events, double forecastSpeedup) {
        double makespan = metrics.makespanSeconds();
        double sequential = metrics.sequentialSeconds();
        return String.format(Locale.ROOT, "%n%d events in the log. Simulated work at %.0f ms per estimated minute, "
                        + "retry included.%nMeasured from the event log: %d agents worked at once at the peak; the "
                        + "work took %.1f s from the first claim to the last completion against %.1f s one task at a "
                        + "time: %.0f%% less time (%.1fx; forecast %.0f%%, %.1fx).%n", events, millisPerMinute,
                metrics.peakConcurrentAttempts(), makespan, sequential, 100 * metrics.timeSaved().orElse(0),
                metrics.speedup().orElse(0), 100 * (1 - 1 / forecastSpeedup), forecastSpeedup);
    }

    /** The demo's agents per pool as {@code CE_POOLS} takes them. */
    private static String poolsSpec() {
        return AGENTS_PER_POOL.entrySet().stream().map(pool -> pool.getKey() + "=" + pool.getValue())
                .collect(Collectors.joining(","));
    }

    /** The plan of the demo: three features at once (examples/plans/three-features.json, packaged into the jar). */
    public static ObjectNode demoPlan() {
        return plan("/examples/plans/three-features.json");
    }

    /** The sample plan of one feature (examples/plans/rate-limiting.json, packaged into the jar). */
    public static ObjectNode samplePlan() {
        return plan("/examples/plans/rate-limiting.json");
    }

    private static ObjectNode plan(String resource) {
        try (InputStream in = DemoRun.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the plan " + resource + " is missing from the jar");
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
