package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflicts decided by the real Drools conflict rules over real stdio: reviewers who split are escalated to a
 * person (ce_resolve); two ready tasks writing one file go by critical path; a task far past its estimate is
 * rescheduled. Every decision is an event naming its rule.
 */
class ConflictIT extends OneServerPerClass {
    @Test
    void reviewersWhoSplitWaitForAPersonsDecision() {
        String id = plan(List.of(
                args("id", "api", "title", "Login API", "kind", "build", "writes", List.of("src/Login.java")),
                args("id", "review-a", "title", "Review A", "kind", "review", "depends_on", List.of("api")),
                args("id", "review-b", "title", "Review B", "kind", "review", "depends_on", List.of("api")),
                args("id", "release", "title", "Release", "kind", "build", "depends_on",
                        List.of("review-a", "review-b"))));
        finish(id, "builders", "api");
        review(id, "review-a", "alice", "approve");
        JsonNode second = review(id, "review-b", "bob", "reject");

        assertThat(second.path("decision").asText()).isEqualTo("escalate");
        String conflict = second.path("conflict_id").asText();
        JsonNode release = task(id, "release");
        assertThat(texts(release.path("waiting_for"))).containsExactly("decision:" + conflict);
        JsonNode resolved = conflictEvents(id).getLast();
        assertThat(resolved.path("payload").path("resolution").path("kind").asText()).isEqualTo("quality");
        assertThat(resolved.path("payload").path("resolution").path("rule").asText()).isNotBlank();

        JsonNode decided = server.ok("ce_resolve", args("workflow_id", id, "conflict_id", conflict,
                "decision", "approve", "reason", "the test bob worried about exists", "agent", "lead"));
        assertThat(decided.path("recorded").asBoolean()).isTrue();
        assertThat(task(id, "release").path("status").asText()).isEqualTo("ready");
        ToolResponse wrong = server.call("ce_resolve", args("workflow_id", id, "conflict_id", "conflict-99",
                "decision", "approve", "reason", "r", "agent", "lead"));
        assertThat(wrong.text()).contains("no conflict 'conflict-99'");
    }

    @Test
    void twoReadyTasksWritingOneFileGoByCriticalPath() {
        String id = plan(List.of(
                args("id", "schema", "title", "Schema change", "kind", "build", "estimate", 30,
                        "writes", List.of("db/schema.sql")),
                args("id", "migrate", "title", "Migrate", "kind", "build", "estimate", 60,
                        "depends_on", List.of("schema")),
                args("id", "notes", "title", "Schema notes", "kind", "docs", "estimate", 10,
                        "writes", List.of("db/schema.sql"))));
        String pool = server.ok("ce_status", args("workflow_id", id)).path("workflow").path("tasks").path(2)
                .path("pool").asText();

        ToolResponse early = server.call("ce_claim", args("workflow_id", id, "pool", pool, "agent", "w1",
                "task_id", "notes"));
        assertThat(early.isError()).isTrue();
        assertThat(early.text()).contains("schema").contains("go first");
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
        assertThat(claim.path("task").path("spec").path("id").asText()).isEqualTo("schema");
        JsonNode resource = conflictEvents(id).getLast().path("payload").path("resolution");
        assertThat(resource.path("kind").asText()).isEqualTo("resource");
        assertThat(texts(resource.path("winners"))).containsExactly("schema");
        assertThat(texts(resource.path("losers"))).containsExactly("notes");
    }

    @Test
    void aTaskFarPastItsEstimateIsRescheduledOnce() throws InterruptedException {
        String id = plan(List.of(
                args("id", "slow", "title", "Slow task", "kind", "build", "estimate", 0.01),
                args("id", "other", "title", "Other", "kind", "build", "estimate", 5)));
        server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1", "task_id", "slow"));
        Thread.sleep(2_000); // 0.033 minutes: more than twice the estimate of 0.01
        server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b2"));
        server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b3"));

        List<JsonNode> conflicts = conflictEvents(id);
        assertThat(conflicts).hasSize(1);
        JsonNode timeline = conflicts.getFirst().path("payload").path("resolution");
        assertThat(timeline.path("kind").asText()).isEqualTo("timeline");
        assertThat(timeline.path("decision").asText()).isEqualTo("reschedule");
        assertThat(timeline.path("suggestion").asText()).isNotBlank();
        assertThat(timeline.path("proposed_estimate_minutes").asDouble()).isGreaterThan(0.01);
    }

    private String plan(List<JsonNode> tasks) {
        return server.ok("ce_plan", args("goal", "g", "tasks", tasks)).path("workflow_id").asText();
    }

    private void finish(String id, String pool, String taskId) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", "b1",
                "task_id", taskId));
        server.ok("ce_complete", args("workflow_id", id, "task_id", taskId, "agent", "b1",
                "claim_id", claim.path("task").path("claim_id").asText()));
    }

    private JsonNode review(String id, String taskId, String reviewer, String verdict) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "reviewers", "agent", reviewer,
                "task_id", taskId));
        return server.ok("ce_review", args("workflow_id", id, "task_id", taskId, "agent", reviewer,
                "claim_id", claim.path("task").path("claim_id").asText(),
                "verdicts", List.of(args("dimension", "tests", "verdict", verdict))));
    }

    private JsonNode task(String id, String taskId) {
        for (JsonNode task : server.ok("ce_status", args("workflow_id", id)).path("workflow").path("tasks")) {
            if (task.path("id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("no task " + taskId);
    }

    private List<JsonNode> conflictEvents(String id) {
        List<JsonNode> events = new ArrayList<>();
        server.ok("ce_events", args("workflow_id", id, "types", List.of("conflict.resolved"))).path("events")
                .forEach(events::add);
        return events;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
