package dev.pce.server.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;
import dev.pce.server.claude.ModelRequest;
import dev.pce.server.claude.ModelStandIn;
import dev.pce.server.claude.Turn;
import dev.pce.server.node.Checkout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted model behind the Claude Code steps of the example workflows. In the plan job (the
 * {@code /ce-parallel-plan} command) it plans the given plan with {@code ce_plan}. In a build job it follows the job's
 * prompt as a model would: claims the task the prompt names; for a task that writes files, writes them with Bash
 * (failing when a file it reads is missing, so a round that did not get the rounds before's code shows), then
 * {@code ce_complete}; for a review task, approves with {@code ce_review}; a task named to fail once is reported
 * with a retryable {@code ce_fail} on its first attempt. Each turn follows from the tool result
 * the previous one got; a refused call is a script failure the test sees.
 */
final class CiAgentTurns implements ModelStandIn.Script {
    static final String PLAN = "mcp__pce__ce_plan";
    static final String CLAIM = "mcp__pce__ce_claim";
    static final String COMPLETE = "mcp__pce__ce_complete";
    static final String REVIEW = "mcp__pce__ce_review";
    static final String FAIL = "mcp__pce__ce_fail";
    private static final String BASH = "Bash";
    private static final Pattern WORKFLOW_ID = Pattern.compile("wf-\\d{8}-\\d{6}-[0-9a-f]{6}");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "You are (\\S+), an agent of the (\\S+) pool[\\s\\S]*?Claim task (\\S+) with ce_claim");

    private final JsonNode plan;
    /** Tasks whose first attempt fails (a flaky test run, say): retryable, so a later round tries again. */
    private final Set<String> failingOnce;
    /** Each build job's claimed task, by agent: the later turns need its claim id. */
    private final Map<String, JsonNode> claimed = new ConcurrentHashMap<>();

    /**
     * @param plan        the {@code ce_plan} input the planner sends
     * @param failingOnce tasks whose first attempt the agent reports with {@code ce_fail}, retryable
     */
    CiAgentTurns(JsonNode plan, Set<String> failingOnce) {
        this.plan = plan;
        this.failingOnce = ConcurrentHashMap.newKeySet();
        this.failingOnce.addAll(failingOnce);
    }

    /** The scripted model planning examples/plans/rate-limiting.json (9 tasks). */
    static CiAgentTurns planningTheSamplePlan(Set<String> failingOnce) throws IOException {
        return new CiAgentTurns(Json.mapper().readTree(
                Checkout.root().resolve("examples/plans/rate-limiting.json").toFile()), failingOnce);
    }

    @Override
    public Turn next(ModelRequest request) throws IOException {
        String prompt = String.join("\n", request.userTexts());
        if (prompt.contains("<command-name>/ce-parallel-plan</command-name>")) {
            return request.lastResultOf(PLAN).isPresent()
                    ? Turn.text("Planned " + workflowId(json(request.lastResultOf(PLAN).get()).toString()) + ".")
                    : Turn.call(PLAN, plan);
        }
        Matcher assignment = ASSIGNMENT.matcher(prompt);
        if (!assignment.find()) {
            throw new IllegalStateException("neither the plan command nor a build job's prompt: " + prompt);
        }
        return buildTurn(request, workflowId(prompt), assignment.group(1), assignment.group(2), assignment.group(3));
    }

    private Turn buildTurn(ModelRequest request, String workflowId, String agent, String pool, String taskId)
            throws IOException {
        if (request.lastToolResults().isEmpty()) {
            return Turn.call(CLAIM, Map.of("workflow_id", workflowId, "pool", pool, "task_id", taskId, "agent", agent));
        }
        Optional<ModelRequest.ToolResult> claim = request.lastResultOf(CLAIM);
        if (claim.isPresent()) {
            JsonNode answer = json(claim.get());
            if (!answer.path("claimed").asBoolean()) {
                throw new IllegalStateException(agent + " could not claim " + taskId + ": " + answer);
            }
            JsonNode task = answer.path("task");
            claimed.put(agent, task);
            if (failingOnce.remove(taskId)) {
                return Turn.call(FAIL, Map.of("workflow_id", workflowId, "task_id", taskId, "claim_id",
                        task.path("claim_id").asText(), "agent", agent, "reason", "the tests timed out on the runner",
                        "retryable", true));
            }
            List<String> writes = strings(task.path("spec").path("writes"));
            return writes.isEmpty() ? review(workflowId, agent, task)
                    : Turn.call(BASH, Map.of("command", writeCommand(task, writes), "description", "Do " + taskId));
        }
        Optional<ModelRequest.ToolResult> bash = request.lastResultOf(BASH);
        if (bash.isPresent()) {
            if (bash.get().isError()) {
                throw new IllegalStateException(agent + ": the work of " + taskId + " failed: " + bash.get().text());
            }
            JsonNode task = claimed.get(agent);
            return Turn.call(COMPLETE, Map.of("workflow_id", workflowId, "task_id", taskId, "claim_id",
                    task.path("claim_id").asText(), "agent", agent, "summary", "wrote "
                            + strings(task.path("spec").path("writes")), "artifacts",
                    strings(task.path("spec").path("writes"))));
        }
        ModelRequest.ToolResult last = request.lastToolResults().getLast();
        json(last); // a refused ce_complete or ce_review fails the script here
        return Turn.text(agent + ": " + taskId + " done.");
    }

    private static Turn review(String workflowId, String agent, JsonNode task) {
        return Turn.call(REVIEW, Map.of("workflow_id", workflowId, "task_id", task.path("spec").path("id").asText(),
                "claim_id", task.path("claim_id").asText(), "agent", agent, "summary", "looks right",
                "verdicts", List.of(Map.of("dimension", "tests", "verdict", "approve"))));
    }

    /** Checks the files the task reads are there (from the repository or an earlier round), then writes its own. */
    private static String writeCommand(JsonNode task, List<String> writes) {
        StringBuilder command = new StringBuilder("set -e\n");
        for (String read : strings(task.path("spec").path("reads"))) {
            command.append("test -f '").append(read).append("' || { echo 'missing ").append(read)
                    .append("'; exit 1; }\n");
        }
        for (String write : writes) {
            command.append("mkdir -p \"$(dirname '").append(write).append("')\"\n")
                    .append("echo '").append(task.path("spec").path("id").asText()).append(" wrote this' > '")
                    .append(write).append("'\n");
        }
        return command.toString();
    }

    private static String workflowId(String text) {
        Matcher m = WORKFLOW_ID.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no workflow id in: " + text);
        }
        return m.group();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode json(ModelRequest.ToolResult result) throws IOException {
        if (result.isError()) {
            throw new IllegalStateException(result.tool() + " was refused: " + result.text());
        }
        return Json.mapper().readTree(result.text());
    }
}
