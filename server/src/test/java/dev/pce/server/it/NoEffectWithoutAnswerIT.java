package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.engine.model.TaskSpec;
import dev.pce.engine.service.WorkflowService;
import dev.pce.engine.workspace.Workspace;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No effect without an answer (docs/security.md): what cannot be answered is refused before anything is stored,
 * and what was stored is always answered, over real stdio against the built jar.
 */
class NoEffectWithoutAnswerIT {
    /** The JSON escape of a high surrogate, as a client sends it: no Unicode character without its low one. */
    private static final String LONE_HIGH = "\\ud800";
    private static final String LONE_LOW = "\\udc00";

    @TempDir
    Path temp;

    /**
     * The report of issue 16: a goal or a summary ending in a lone surrogate's escape was stored (the event forced
     * to disk) and the answer failed to encode, so the client heard nothing; for ce_plan a workflow existed whose id
     * it never learned. Such text is now refused at the argument layer, for every tool, before the tool runs.
     */
    @Test
    void aLoneSurrogateInAnyArgumentOfAnyToolIsRefusedNamingItsPathAndNothingIsStored() throws IOException {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace, Map.of("CE_PROJECT", "shop"))) {
            McpStdioClient client = server.client();
            String id = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
            String claim = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p1"))
                    .path("task").path("claim_id").asText();
            List<String> before = eventTypes(server, id);

            assertRefused(client.requestVerbatim("tools/call", "{\"name\":\"ce_plan\",\"arguments\":{\"goal\":\"end"
                    + LONE_HIGH + "\",\"tasks\":[{\"id\":\"a\",\"title\":\"A\",\"kind\":\"build\"}]}}"),
                    "params.arguments.goal");
            assertRefused(client.requestVerbatim("tools/call", "{\"name\":\"ce_complete\",\"arguments\":{"
                    + "\"workflow_id\":\"" + id + "\",\"task_id\":\"design\",\"claim_id\":\"" + claim + "\","
                    + "\"agent\":\"p1\",\"summary\":\"done " + LONE_LOW + "\"}}"), "params.arguments.summary");
            for (JsonNode tool : client.request("tools/list", args()).path("tools")) {
                String argument = aStringArgument(tool.path("inputSchema"));
                assertRefused(client.requestVerbatim("tools/call", "{\"name\":\"" + tool.path("name").asText()
                        + "\",\"arguments\":{\"" + argument + "\":\"x" + LONE_HIGH + "y\"}}"),
                        "params.arguments." + argument);
            }

            assertThat(server.ok("ce_status", args()).path("workflows")).as("no workflow was added").hasSize(1);
            assertThat(eventTypes(server, id)).as("no event was stored").isEqualTo(before);
            assertThat(Workloads.notesIn(workspace.resolve("vault"))).as("no note was written").isEmpty();
            // a pair of surrogates is one character: taken, stored and answered
            JsonNode done = client.requestVerbatim("tools/call", "{\"name\":\"ce_complete\",\"arguments\":{"
                    + "\"workflow_id\":\"" + id + "\",\"task_id\":\"design\",\"claim_id\":\"" + claim + "\","
                    + "\"agent\":\"p1\",\"summary\":\"done \\ud83d\\ude00\"}}");
            assertThat(done.path("result").path("structuredContent").path("task").path("summary").asText())
                    .as(done.toString()).isEqualTo("done " + new String(Character.toChars(0x1F600)));
        }
    }

    /**
     * A workflow stored with such text by an earlier version (or by any path around the tools) is answered: the
     * structured content goes out raw, and its lone surrogates are escaped, not left to fail the encoding.
     */
    @Test
    void aWorkflowStoredWithALoneSurrogateIsStillAnsweredByEveryToolThatShowsIt() throws IOException {
        Path workspace = temp.resolve("ws");
        String goal = "end" + (char) 0xD800;
        String title = "Build " + (char) 0xDC00;
        String id;
        try (WorkflowService engine = new WorkflowService(Workspace.open(workspace), Clock.systemUTC())) {
            id = engine.plan(goal, List.of(TaskSpec.builder("a", "build").title(title).build()), "planner")
                    .workflowId();
        }
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            assertThat(server.ok("ce_status", args()).path("workflows").path(0).path("goal").asText())
                    .isEqualTo(goal);
            assertThat(server.ok("ce_status", args("workflow_id", id)).path("workflow").path("goal").asText())
                    .isEqualTo(goal);
            assertThat(Pages.allEvents(server.client(), id).getFirst().path("payload").path("goal").asText())
                    .isEqualTo(goal);
            JsonNode claimed = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
            assertThat(claimed.path("task").path("spec").path("title").asText()).isEqualTo(title);
        }
    }

    private static void assertRefused(JsonNode answer, String path) {
        assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(-32602);
        assertThat(answer.path("error").path("message").asText())
                .contains(path + " holds an unpaired UTF-16 surrogate", "Nothing was done");
    }

    /** The name of one of the tool's string arguments (its first one). */
    private static String aStringArgument(JsonNode schema) {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (property.getValue().path("type").asText().equals("string")) {
                return property.getKey();
            }
        }
        throw new AssertionError("no string argument in " + schema);
    }

    private static List<String> eventTypes(ServerUnderTest server, String workflowId) {
        return Pages.allEvents(server.client(), workflowId).stream().map(event -> event.path("type").asText())
                .toList();
    }
}
