package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.server.client.McpStdioClient.McpClientException;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every tool given wrong types, missing fields, oversize strings and unknown ids answers a clear isError result
 * (what, where, how to fix), and the one server process stays up through all of it.
 */
class BadInputIT extends OneServerPerClass {
    private static final String HUGE = "x".repeat(70_000);

    private String workflowId;

    @BeforeAll
    void planOneWorkflow() {
        workflowId = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
    }

    Stream<Arguments> badCalls() {
        String id = workflowId;
        ObjectNode badTask = Plans.small();
        ((ObjectNode) badTask.path("tasks").path(1)).put("estimate", true);
        ObjectNode typo = Plans.small();
        ((ObjectNode) typo.path("tasks").path(1)).set("dependson", args().arrayNode().add("design"));
        ObjectNode cycle = Plans.small();
        ((ObjectNode) cycle.path("tasks").path(0)).set("depends_on", args().arrayNode().add("review"));
        ObjectNode duplicate = Plans.small();
        ((ObjectNode) duplicate.path("tasks").path(2)).put("id", "build-a");
        ObjectNode twoProducers = Plans.small();
        ((ObjectNode) twoProducers.path("tasks").path(1)).set("produces", args().arrayNode().add("health-api"));
        ((ObjectNode) twoProducers.path("tasks").path(2)).set("produces", args().arrayNode().add("health-api"));
        ObjectNode badType = Plans.small();
        ((ObjectNode) badType.path("tasks").path(1)).set("depends_on",
                args().arrayNode().add(args("id", "design", "type", "resource")));
        ObjectNode unknownDependency = Plans.small();
        ((ObjectNode) unknownDependency.path("tasks").path(3)).set("depends_on", args().arrayNode().add("ghost"));
        return Stream.of(
                Arguments.of("ce_plan", args(), "goal is missing"),
                Arguments.of("ce_plan", args("goal", 42, "tasks", List.of()), "goal must be a string, got number 42"),
                Arguments.of("ce_plan", args("goal", "g", "tasks", "all of them"), "tasks must be an array of objects"),
                Arguments.of("ce_plan", args("goal", "g", "tasks", List.of()), "the plan has no tasks"),
                Arguments.of("ce_plan", args("goal", HUGE, "tasks", List.of()), "goal is 70000 characters long"),
                Arguments.of("ce_plan", badTask, "tasks[1].estimate must be minutes"),
                Arguments.of("ce_plan", typo, "tasks[1].dependson is not a known argument. Did you mean 'depends_on'?"),
                Arguments.of("ce_plan", cycle, "dependency cycle: "),
                Arguments.of("ce_plan", duplicate, "duplicate id, already used by tasks[1]"),
                Arguments.of("ce_plan", unknownDependency, "depends on unknown task 'ghost'"),
                Arguments.of("ce_plan", twoProducers,
                        "tasks 'build-a' and 'build-b' both produce the interface 'health-api'"),
                Arguments.of("ce_plan", badType, "tasks[1].depends_on[0].type is 'resource'"),
                Arguments.of("ce_status", args("workflow_id", 7), "workflow_id must be a string"),
                Arguments.of("ce_status", args("workflow_id", "wf-nope"), "Workflow 'wf-nope' does not exist"),
                Arguments.of("ce_status", args("workflow_id", "../../etc"), "is not a workflow id"),
                Arguments.of("ce_status", args("workflowid", id), "Did you mean 'workflow_id'?"),
                Arguments.of("ce_events", args(), "workflow_id is missing"),
                Arguments.of("ce_events", args("workflow_id", id, "after", -1), "after must be between 0"),
                Arguments.of("ce_events", args("workflow_id", id, "limit", 5000), "limit must be between 1 and 1000"),
                Arguments.of("ce_events", args("workflow_id", id, "types", "task.claimed"), "types must be an array"),
                Arguments.of("ce_claim", args("workflow_id", id, "pool", "builders"), "agent is missing"),
                Arguments.of("ce_claim", args("workflow_id", id, "pool", "Builders!", "agent", "a"), "is not a pool name"),
                Arguments.of("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "a",
                        "lease_seconds", "long"), "lease_seconds must be a whole number"),
                Arguments.of("ce_claim", args("workflow_id", id, "pool", "builders", "agent", HUGE),
                        "agent is 70000 characters long"),
                Arguments.of("ce_claim", args("workflow_id", "wf-gone", "pool", "builders", "agent", "a"),
                        "does not exist"),
                Arguments.of("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "a",
                        "task_id", "review"), "belongs to pool reviewers"),
                Arguments.of("ce_complete", args("workflow_id", id, "task_id", "design", "agent", "a"),
                        "claim_id is missing"),
                Arguments.of("ce_complete", args("workflow_id", id, "task_id", "nope", "claim_id", "cl-1",
                        "agent", "a"), "has no task 'nope'"),
                Arguments.of("ce_complete", args("workflow_id", id, "task_id", "design", "claim_id", "cl-1",
                        "agent", "a"), "is not claimed"),
                Arguments.of("ce_complete", args("workflow_id", id, "task_id", "design", "claim_id", "cl-1",
                        "agent", "a", "artifacts", List.of(1, 2)), "artifacts[0] must be a string"),
                Arguments.of("ce_complete", args("workflow_id", id, "task_id", "design", "claim_id", "cl-1",
                        "agent", "a", "data", args("blob", "y".repeat(300_000))), "more than the limit of 262144"),
                Arguments.of("ce_fail", args("workflow_id", id, "task_id", "design", "claim_id", "cl-1",
                        "agent", "a"), "reason is missing"),
                Arguments.of("ce_fail", args("workflow_id", id, "task_id", "design", "claim_id", "cl-1",
                        "agent", "a", "reason", "  "), "reason is empty"),
                Arguments.of("ce_fail", args("workflow_id", id, "task_id", "design", "claim_id", "cl-1",
                        "agent", "a", "reason", "r", "retryable", "yes"), "retryable must be true or false"),
                Arguments.of("ce_fail", args("workflow_id", "wf-x", "task_id", "t", "claim_id", "c",
                        "agent", "a", "reason", "r"), "does not exist"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badCalls")
    void answersAClearErrorAndStaysUp(String tool, JsonNode arguments, String expected) {
        ToolResponse response = server.call(tool, arguments);
        assertThat(response.isError()).as(response.text()).isTrue();
        assertThat(response.text()).contains(expected).contains("Fix:").containsPattern("failed \\[[A-Z_]+\\]");
        assertThat(response.structured()).as("errors carry no structured content").isNull();
        assertThat(server.ok("ce_status", args("workflow_id", workflowId)).path("workflow").path("task_count")
                .asInt()).isEqualTo(4);
    }

    @Test
    void aRejectedPlanStoresNothing() {
        int before = server.ok("ce_status", args()).path("workflows").size();
        server.call("ce_plan", args("goal", "g", "tasks", List.of(args("id", "a", "title", "A", "kind", "nonsense"))));
        assertThat(server.ok("ce_status", args()).path("workflows").size()).isEqualTo(before);
    }

    @Test
    void unknownToolsAndMalformedLinesDoNotTakeTheServerDown() {
        assertThatThrownBy(() -> server.client().request("tools/call", args("name", "ce_nope", "arguments", args())))
                .isInstanceOf(McpClientException.class).hasMessageContaining("ce_nope");
        server.client().sendRaw("{this is not json");
        server.client().sendRaw("[]");
        assertThat(server.ok("ce_status", args()).path("workflows").size()).isGreaterThanOrEqualTo(1);
    }
}
