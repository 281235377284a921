package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Withdrawn drafts cascade over real stdio (issue 19, point 2): a ← soft b ← c; a publishes a draft, b completes on
 * it, c starts on b's output. When a rolls the draft back, b and c wait again; when a fails for good, both are
 * blocked. The answers say so, and the agents whose work was taken back are told why on their next report.
 */
class WithdrawnDraftIT extends OneServerPerClass {

    /** The workflow id and each task's claim, after b completed on a's draft and c was claimed. */
    private record Started(String id, Map<String, String> claims) {
    }

    private Started startOnADraft() {
        JsonNode plan = server.ok("ce_plan", args("goal", "Orders API and its client", "tasks", List.of(
                args("id", "a", "title", "Define the orders API", "kind", "implement", "produces",
                        List.of("orders-api")),
                args("id", "b", "title", "Orders client", "kind", "implement",
                        "depends_on", List.of(args("id", "a", "type", "soft"))),
                args("id", "c", "title", "Checkout on the client", "kind", "implement", "depends_on",
                        List.of("b")))));
        String id = plan.path("workflow_id").asText();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("a", claim(id, "a", "agent-a"));
        JsonNode published = server.ok("ce_progress", args("workflow_id", id, "task_id", "a", "claim_id",
                claims.get("a"), "agent", "agent-a", "artifact", "docs/orders-api.yaml", "note", "draft"));
        assertThat(texts(published.path("now_ready"))).containsExactly("b");
        claims.put("b", claim(id, "b", "agent-b"));
        JsonNode completed = server.ok("ce_complete", args("workflow_id", id, "task_id", "b", "claim_id",
                claims.get("b"), "agent", "agent-b", "summary", "client generated from the draft"));
        assertThat(texts(completed.path("now_ready"))).containsExactly("c");
        claims.put("c", claim(id, "c", "agent-c"));
        return new Started(id, claims);
    }

    @Test
    void aRolledBackDraftReopensTheCompletedSoftDependentAndRevokesTheClaimOnItsOutput() {
        Started started = startOnADraft();
        String id = started.id();

        JsonNode rolledBack = server.ok("ce_progress", args("workflow_id", id, "task_id", "a", "claim_id",
                started.claims().get("a"), "agent", "agent-a", "rollback", true, "note", "the schema was wrong"));

        assertThat(texts(rolledBack.path("reopened"))).containsExactly("b", "c");
        assertThat(texts(rolledBack.path("claims_revoked"))).containsExactly("c");
        assertThat(statuses(id)).containsExactly(Map.entry("a", "claimed"), Map.entry("b", "waiting"),
                Map.entry("c", "waiting"));
        ToolResponse late = server.call("ce_complete", args("workflow_id", id, "task_id", "c", "claim_id",
                started.claims().get("c"), "agent", "agent-c"));
        assertThat(late.isError()).isTrue();
        assertThat(late.text()).contains("CONFLICT", "claim revoked", "partial output of a that was rolled back",
                "the schema was wrong");
        assertThat(eventTypes(id)).containsSubsequence("task.progress_rolled_back", "task.reopened",
                "task.claim_revoked");
    }

    @Test
    void aPrerequisiteFailingForGoodBlocksWhatStartedOrCompletedOnItsDraft() {
        Started started = startOnADraft();
        String id = started.id();

        JsonNode failed = server.ok("ce_fail", args("workflow_id", id, "task_id", "a", "claim_id",
                started.claims().get("a"), "agent", "agent-a", "reason", "the API cannot be built"));

        assertThat(texts(failed.path("reopened"))).containsExactly("b", "c");
        assertThat(texts(failed.path("claims_revoked"))).containsExactly("c");
        assertThat(texts(failed.path("now_blocked"))).containsExactly("b", "c");
        assertThat(failed.path("workflow_phase").asText()).isEqualTo("failed");
        assertThat(statuses(id)).containsExactly(Map.entry("a", "failed"), Map.entry("b", "blocked"),
                Map.entry("c", "blocked"));
        ToolResponse late = server.call("ce_progress", args("workflow_id", id, "task_id", "c", "claim_id",
                started.claims().get("c"), "agent", "agent-c", "artifact", "src/checkout.ts"));
        assertThat(late.isError()).isTrue();
        assertThat(late.text()).contains("CONFLICT", "claim revoked", "failed for good");
    }

    private String claim(String id, String taskId, String agent) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", agent,
                "task_id", taskId));
        assertThat(claim.path("claimed").asBoolean()).as(claim.toString()).isTrue();
        return claim.path("task").path("claim_id").asText();
    }

    private Map<String, String> statuses(String id) {
        Map<String, String> statuses = new LinkedHashMap<>();
        server.ok("ce_status", args("workflow_id", id)).path("workflow").path("tasks")
                .forEach(task -> statuses.put(task.path("id").asText(), task.path("status").asText()));
        return statuses;
    }

    private List<String> eventTypes(String id) {
        return texts(server.ok("ce_events", args("workflow_id", id)).path("events"), "type");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
