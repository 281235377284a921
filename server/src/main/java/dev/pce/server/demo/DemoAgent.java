package dev.pce.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.McpStdioClient.ToolResponse;

import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A simulated pool agent: it claims tasks of its pool through the MCP tools, "works" for the task's estimate
 * scaled down to milliseconds, and reports completion, or a retryable failure on the first attempt of the tasks
 * it is told are flaky, exactly as a Claude Code subagent would through the same tools.
 */
final class DemoAgent implements Runnable {
    private static final long POLL_MILLIS = 40;

    private final String name;
    private final String pool;
    private final String workflowId;
    private final McpStdioClient client;
    private final double millisPerMinute;
    private final Set<String> flakyTasks;
    private final Random random;
    private final Consumer<String> log;

    DemoAgent(String name, String pool, String workflowId, McpStdioClient client, double millisPerMinute,
              Set<String> flakyTasks, long seed, Consumer<String> log) {
        this.name = name;
        this.pool = pool;
        this.workflowId = workflowId;
        this.client = client;
        this.millisPerMinute = millisPerMinute;
        this.flakyTasks = flakyTasks;
        this.random = new Random(seed);
        this.log = log;
    }

    String name() {
        return name;
    }

    String pool() {
        return pool;
    }

    /** Works until the workflow is finished; a tool error or a lost server ends the agent with an exception. */
    @Override
    public void run() {
        while (true) {
            ToolResponse claim = client.callTool("ce_claim", args("pool", pool, "agent", name)
                    .put("lease_seconds", 60));
            if (claim.isError()) {
                throw new IllegalStateException("ce_claim failed: " + claim.text());
            }
            JsonNode answer = claim.structured();
            if (!answer.path("claimed").asBoolean()) {
                if (!answer.path("workflow_phase").asText().equals("active")) {
                    return;
                }
                pause(POLL_MILLIS);
                continue;
            }
            work(answer.path("task"));
        }
    }

    private void work(JsonNode task) {
        String taskId = task.path("spec").path("id").asText();
        String claimId = task.path("claim_id").asText();
        int attempt = task.path("attempt").asInt();
        double estimate = task.path("spec").path("estimate_minutes").asDouble();
        log.accept(String.format("%-11s claimed  %-17s (estimate %3.0f min, attempt %d)", name, taskId, estimate,
                attempt));
        long millis = Math.round(estimate * millisPerMinute * (0.8 + 0.4 * random.nextDouble()));
        pause(millis);
        if (flakyTasks.contains(taskId) && attempt == 1) {
            ToolResponse failed = client.callTool("ce_fail", args("task_id", taskId, "claim_id", claimId,
                    "agent", name, "reason", "flaky integration test timed out").put("retryable", true));
            if (failed.isError()) {
                throw new IllegalStateException("ce_fail of " + taskId + " failed: " + failed.text());
            }
            log.accept(String.format("%-11s failed   %-17s (retryable: back to %s)", name, taskId, pool));
            return;
        }
        ObjectNode report = args("task_id", taskId, "claim_id", claimId, "agent", name,
                "summary", "Finished " + task.path("spec").path("title").asText());
        var artifacts = report.putArray("artifacts");
        task.path("spec").path("writes").forEach(artifacts::add);
        ToolResponse done = client.callTool("ce_complete", report);
        if (done.isError()) {
            throw new IllegalStateException("ce_complete of " + taskId + " failed: " + done.text());
        }
        JsonNode ready = done.structured().path("now_ready");
        log.accept(String.format("%-11s finished %-17s%s", name, taskId,
                ready.isEmpty() ? "" : " -> ready: " + ready));
    }

    private ObjectNode args(String... pairs) {
        ObjectNode args = Json.mapper().createObjectNode();
        args.put("workflow_id", workflowId);
        for (int i = 0; i < pairs.length; i += 2) {
            args.put(pairs[i], pairs[i + 1]);
        }
        return args;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo interrupted", e);
        }
    }
}
