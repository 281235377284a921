package dev.pce.server.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.Json;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted model of one builder agent: claim a task of the builders pool, complete it, claim again, until
 * nothing is left; then say so. Each turn follows from the tool result the previous one got, as a model's would.
 */
final class BuilderTurns {
    static final String CLAIM = "mcp__pce__ce_claim";
    static final String COMPLETE = "mcp__pce__ce_complete";
    private static final Pattern WORKFLOW_ID = Pattern.compile("wf-\\d{8}-\\d{6}-[0-9a-f]{6}");

    /** Runs after a claim succeeded and before the task is completed: e.g. wait until the other agents claimed. */
    @FunctionalInterface
    interface AfterClaim {
        void claimed(String agent) throws InterruptedException;
    }

    private BuilderTurns() {
    }

    /** The next turn of builder {@code agent} working on {@code workflowId}. */
    static Turn next(ModelRequest request, String workflowId, String agent, AfterClaim afterClaim)
            throws IOException, InterruptedException {
        Map<String, String> claimArgs = Map.of("workflow_id", workflowId, "pool", "builders", "agent", agent);
        Optional<ModelRequest.ToolResult> claim = request.lastResultOf(CLAIM);
        if (claim.isPresent()) {
            JsonNode answer = json(claim.get());
            if (!answer.path("claimed").asBoolean()) {
                return Turn.text(agent + ": nothing left to claim; workflow phase "
                        + answer.path("workflow_phase").asText() + ".");
            }
            afterClaim.claimed(agent);
            JsonNode task = answer.path("task");
            return Turn.call(COMPLETE, Map.of("workflow_id", workflowId, "task_id", task.path("spec").path("id")
                    .asText(), "claim_id", task.path("claim_id").asText(), "agent", agent, "summary", "built by "
                    + agent));
        }
        Optional<ModelRequest.ToolResult> complete = request.lastResultOf(COMPLETE);
        if (complete.isPresent() && complete.get().isError()) {
            throw new IllegalStateException(agent + ": ce_complete failed: " + complete.get().text());
        }
        return Turn.call(CLAIM, claimArgs);
    }

    /** The workflow id a text names (a tool result, a prompt). */
    static String workflowId(String text) {
        Matcher m = WORKFLOW_ID.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no workflow id in: " + text);
        }
        return m.group();
    }

    /** A tool result's text as JSON, failing with the text when the call was refused or the text is not JSON. */
    static JsonNode json(ModelRequest.ToolResult result) throws IOException {
        if (result.isError()) {
            throw new IllegalStateException(result.tool() + " failed: " + result.text());
        }
        return Json.mapper().readTree(result.text());
    }
}
