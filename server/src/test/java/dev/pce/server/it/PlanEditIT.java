package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running workflow's plan edited over real stdio with ce_edit, classified by the real Drools dependency rules:
 * ce_plan flags the task longer than a session, the edit splits it while another task is claimed, ce_status follows
 * (statuses, what tasks wait for, the ETA), a claimed task is protected and a repeated request records nothing.
 */
class PlanEditIT extends OneServerPerClass {

    @Test
    void aSplitSuggestedByCePlanIsMadeWithCeEditAndCeStatusFollows() {
        JsonNode plan = server.ok("ce_plan", args("goal", "Orders API", "tasks", List.of(
                args("id", "design", "title", "Design", "kind", "plan", "estimate", 20),
                args("id", "build-api", "title", "Build the API", "kind", "build", "estimate", "3h",
                        "writes", List.of("src/Api.java"), "depends_on", List.of("design")),
                args("id", "build-ui", "title", "Build the UI", "kind", "build", "estimate", 30,
                        "depends_on", List.of("build-api")),
                args("id", "review", "title", "Review", "kind", "review", "estimate", 10,
                        "depends_on", List.of("build-ui")))));
        String id = plan.path("workflow_id").asText();
        JsonNode suggestion = plan.path("split_suggestions").path(0);
        assertThat(suggestion.path("task").asText()).isEqualTo("build-api");
        assertThat(suggestion.path("estimate_minutes").asDouble()).isEqualTo(180.0);
        assertThat(suggestion.path("session_minutes").asDouble()).isEqualTo(120.0);
        assertThat(suggestion.path("parts").asInt()).isEqualTo(2);
        assertThat(plan.path("split_suggestions")).hasSize(1);
        double etaBefore = eta(id);
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p1"));
        assertThat(claim.path("task").path("spec").path("id").asText()).isEqualTo("design");

        JsonNode split = args("op", "split", "task_id", "build-api", "into", List.of(
                args("id", "api-model", "title", "Order model", "estimate", 60),
                args("id", "api-routes", "title", "Order routes", "estimate", 60, "depends_on", List.of("api-model")),
                args("id", "api-tests", "title", "API tests", "kind", "test", "estimate", 45,
                        "writes", List.of("src/ApiTest.java"))));
        JsonNode edited = server.ok("ce_edit", args("workflow_id", id, "request_id", "split-api", "agent", "lead",
                "reason", "ce_plan suggested it", "edits", List.of(split)));

        assertThat(edited.path("recorded").asBoolean()).isTrue();
        assertThat(texts(edited.path("added"))).containsExactly("api-model", "api-routes", "api-tests");
        assertThat(texts(edited.path("removed"))).containsExactly("build-api");
        assertThat(texts(edited.path("changed"))).containsExactly("build-ui");
        assertThat(edited.path("eta_minutes").asDouble()).isCloseTo(eta(id), org.assertj.core.data.Offset.offset(1.0))
                .isLessThan(etaBefore - 50); // 20 + 60 + 60 + 30 + 10 against 20 + 180 + 30 + 10
        assertThat(texts(task(id, "build-ui").path("waiting_for"))).containsExactlyInAnyOrder("api-routes",
                "api-tests");
        assertThat(texts(task(id, "api-model").path("waiting_for"))).containsExactly("design");
        assertThat(task(id, "api-model").path("estimate_minutes").asDouble()).isEqualTo(60.0);
        assertThat(task(id, "api-model").path("pool").asText()).isEqualTo("builders");
        // one event, holding the relations the rules gave the subtasks
        JsonNode events = server.ok("ce_events", args("workflow_id", id, "types", List.of("workflow.plan_edited")));
        assertThat(events.path("events")).hasSize(1);
        assertThat(events.path("events").path(0).path("payload").path("edges_added").toString())
                .contains("api-model", "api-tests");

        ToolResponse refused = server.call("ce_edit", args("workflow_id", id, "request_id", "late", "agent", "lead",
                "edits", List.of(args("op", "estimate", "task_id", "design", "estimate", 40))));
        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("'design' is held by p1 under claim", "Leave done tasks and tasks under "
                + "a live claim out of the edit");

        JsonNode again = server.ok("ce_edit", args("workflow_id", id, "request_id", "split-api", "agent", "lead",
                "reason", "ce_plan suggested it", "edits", List.of(split)));
        assertThat(again.path("recorded").asBoolean()).isFalse();
        assertThat(server.ok("ce_events", args("workflow_id", id, "types", List.of("workflow.plan_edited")))
                .path("events")).hasSize(1);

        server.ok("ce_complete", args("workflow_id", id, "task_id", "design", "agent", "p1",
                "claim_id", claim.path("task").path("claim_id").asText()));
        assertThat(task(id, "api-model").path("status").asText()).isEqualTo("ready");
        assertThat(task(id, "api-routes").path("status").asText()).isEqualTo("waiting");
    }

    private double eta(String id) {
        return server.ok("ce_status", args("workflow_id", id)).path("workflow").path("schedule")
                .path("eta_minutes").asDouble();
    }

    private JsonNode task(String id, String taskId) {
        for (JsonNode task : server.ok("ce_status", args("workflow_id", id)).path("workflow").path("tasks")) {
            if (task.path("id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("no task " + taskId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
