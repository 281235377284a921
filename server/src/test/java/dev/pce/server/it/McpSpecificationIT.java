package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.server.client.McpStdioClient;
import dev.pce.server.client.Pages;
import dev.pce.server.client.McpStdioClient.Pending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as the MCP specification (revision 2025-06-18) says, over real stdio against the built jar: tool
 * annotations, cancellation of long tool calls, the vaults' notes as a paged resource list, clear errors for
 * malformed tool calls and log levels, log notifications at the level set, and the lifecycle (nothing answered
 * before initialize but an error; everything after it, with or without notifications/initialized).
 */
class McpSpecificationIT {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void everyToolListsItsAnnotations() throws IOException {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            JsonNode tools = server.client().request("tools/list", args()).path("tools");
            assertThat(tools).hasSize(19).allSatisfy(tool -> {
                JsonNode hints = tool.path("annotations");
                assertThat(hints.path("title").asText()).as(tool.path("name").asText()).isNotBlank();
                for (String hint : List.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")) {
                    assertThat(hints.path(hint).isBoolean()).as("%s of %s", hint, tool.path("name")).isTrue();
                }
            });
            assertThat(annotations(tools, "ce_status").path("readOnlyHint").asBoolean()).isTrue();
            assertThat(annotations(tools, "ce_plan").path("readOnlyHint").asBoolean()).isFalse();
            assertThat(annotations(tools, "ce_progress").path("destructiveHint").asBoolean()).isTrue();
            assertThat(annotations(tools, "ce_fail").path("destructiveHint").asBoolean())
                    .as("a failure for good reopens work done on the task's drafts").isTrue();
        }
    }

    /** The report of issue 14: a 5,000-task plan cancelled after 100 ms ran for 12 s and was stored. */
    @Test
    void aBigPlanCancelledWhileItRunsStopsStoresNothingAndGetsNoAnswer() throws Exception {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            Pending plan = cancelWhileRunning(server, "ce_plan", Plans.chainsSharingFiles(1_000, 5));

            assertThat(server.ok("ce_status", args()).path("workflows")).as("workflows").isEmpty();
            assertThat(workspace.resolve("workflows")).satisfiesAnyOf(
                    dir -> assertThat(dir).doesNotExist(), dir -> assertThat(dir).isEmptyDirectory());
            assertThat(plan.answer()).as("a cancelled request gets no answer").isNotDone();
            assertThat(server.ok("ce_plan", Plans.small()).path("task_count").asInt())
                    .as("the server plans again").isEqualTo(4);
        }
    }

    @Test
    void learningCancelledWhileItReadsALongHistoryStoresNothing() throws Exception {
        Path workspace = temp.resolve("ws");
        String workflowId = Workloads.finishedWorkflow(workspace, 3_000);
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            Pending learn = cancelWhileRunning(server, "ce_learn", args("workflow_id", workflowId));

            assertThat(workspace.resolve("learning/patterns.json")).as("no patterns saved").doesNotExist();
            assertThat(Workloads.notesIn(workspace.resolve("vault"))).as("no pattern notes written").isEmpty();
            assertThat(learn.answer()).isNotDone();
            assertThat(server.ok("ce_learn", args("workflow_id", workflowId)).path("store_version").asLong())
                    .as("learning again saves the first version: the cancelled one saved none").isEqualTo(1);
        }
    }

    @Test
    void aGateCancelledWhileItReadsManyReportsStoresNoEvidenceAndNoVerdict() throws Exception {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            String workflowId = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
            Path reports = Workloads.junitReports(workspace.resolve("evidence"), 40, 5_000);
            ObjectNode gate = args("workflow_id", workflowId, "evidence", List.of(reports.toString()));

            Pending judged = cancelWhileRunning(server, "ce_gate", gate);

            assertThat(eventTypes(server, workflowId)).containsExactly("workflow.planned");
            assertThat(judged.answer()).isNotDone();
            server.ok("ce_gate", gate);
            assertThat(eventTypes(server, workflowId)).contains("gate.evidence_reported", "gate.evaluated");
        }
    }

    @Test
    void resourcesListPagesThroughTheNotesOfEveryVault() throws Exception {
        Path own = temp.resolve("own-vault");
        for (int i = 0; i < 230; i++) {
            Workloads.note(own.resolve("insights/note-%03d.md".formatted(i)), "Insight number " + i, "insight");
        }
        Path billing = temp.resolve("billing-vault");
        for (int i = 0; i < 5; i++) {
            Workloads.note(billing.resolve("b-%d.md".formatted(i)), "Billing note " + i, "failure");
        }
        Map<String, String> vaults = Map.of("CE_VAULT", own.toString(), "CE_PROJECT", "shop",
                "CE_VAULTS", "billing=" + billing);
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"), vaults)) {
            List<JsonNode> pages = allPages(server, 235);

            assertThat(pages).extracting(page -> page.path("resources").size()).containsExactly(100, 100, 35);
            assertThat(pages.get(0).path("nextCursor").isTextual()).isTrue();
            assertThat(pages.get(2).has("nextCursor")).as("the last page has no nextCursor").isFalse();
            List<JsonNode> all = new ArrayList<>();
            pages.forEach(page -> page.path("resources").forEach(all::add));
            assertThat(all.get(0).path("uri").asText()).isEqualTo("pkm://note/note-000");
            assertThat(all.get(0).path("name").asText()).isEqualTo("note-000");
            assertThat(all.get(0).path("title").asText()).isEqualTo("Insight number 0");
            assertThat(all.get(0).path("mimeType").asText()).isEqualTo("text/markdown");
            assertThat(all.get(229).path("uri").asText()).isEqualTo("pkm://note/note-229");
            assertThat(all.get(230).path("uri").asText()).isEqualTo("pkm://note/billing/b-0");
            assertThat(all).extracting(resource -> resource.path("uri").asText()).doesNotHaveDuplicates();
            JsonNode read = server.client().request("resources/read", args("uri", all.get(230).path("uri").asText()));
            assertThat(read.path("contents").path(0).path("text").asText()).contains("Billing note 0");

            JsonNode bad = server.client().requestError("resources/list", args("cursor", "not-a-cursor"));
            assertThat(bad.path("code").asInt()).isEqualTo(-32602);
            assertThat(bad.path("message").asText()).contains("'not-a-cursor'", "without a cursor");
            assertThat(server.client().requestError("resources/list", args("cursor", 7)).path("code").asInt())
                    .isEqualTo(-32602);
        }
    }

    @Test
    void aToolCallWithArgumentsThatAreNoObjectOrAnUnknownToolIsInvalidParamsSaidPlainly() throws IOException {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            Map<JsonNode, String> notObjects = Map.of(json.arrayNode().add(1), "got an array",
                    json.textNode("all"), "got a string", json.numberNode(42), "got a number");
            notObjects.forEach((arguments, kind) -> {
                JsonNode error = server.client().requestError("tools/call", args("name", "ce_status",
                        "arguments", arguments));
                assertThat(error.path("code").asInt()).isEqualTo(-32602);
                assertThat(error.path("message").asText()).contains("'ce_status' must be a JSON object", kind)
                        .doesNotContain("java.", "Cannot deserialize", "LinkedHashMap");
            });

            JsonNode unknown = server.client().requestError("tools/call", args("name", "ce_foo", "arguments", args()));
            assertThat(unknown.path("code").asInt()).isEqualTo(-32602);
            assertThat(unknown.path("message").asText()).contains("Unknown tool 'ce_foo'", "ce_plan", "ce_status");
            assertThat(server.client().requestError("tools/call", args("name", "ce_stauts")).path("message")
                    .asText()).contains("Did you mean 'ce_status'?");
            assertThat(server.ok("ce_status", args()).has("workflows")).as("the server goes on").isTrue();
        }
    }

    /**
     * The report of issue 16: params that are no object ({@code [1,2]}), or parameters of a kind the SDK's records
     * do not take, were answered -32603 with Jackson's and the SDK's class names. Every method now answers -32602
     * saying what to send, in the client's terms.
     */
    @Test
    void paramsOfAnyMethodThatAreNoObjectOrOfTheWrongKindAreInvalidParamsWithoutJavaInternals() throws IOException {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            McpStdioClient client = server.client();
            List<String> methods = List.of("initialize", "ping", "tools/list", "tools/call", "resources/list",
                    "resources/templates/list", "resources/read", "prompts/list", "prompts/get", "logging/setLevel");
            for (String method : methods) {
                assertInvalidParams(client.requestVerbatim(method, "[1,2]"), "got an array");
            }
            Map<String, String> wrongKinds = Map.of(
                    "resources/read", "{\"uri\":{\"a\":1}}",
                    "prompts/get", "{\"name\":\"ce-exec\",\"arguments\":[1]}",
                    "tools/list", "{\"cursor\":{}}",
                    "tools/call", "{\"name\":\"ce_status\",\"arguments\":{},\"_meta\":[]}",
                    "initialize", "{\"protocolVersion\":\"2025-06-18\",\"clientInfo\":[]}");
            wrongKinds.forEach((method, params) -> assertInvalidParams(client.requestVerbatim(method, params),
                    "must be a"));
            assertThat(client.requestVerbatim("prompts/get", "{\"name\":5}").path("error").path("message")
                    .asText()).contains("params.name of prompts/get must be a string, got a number");
            assertThat(server.ok("ce_status", args()).has("workflows")).as("the server goes on").isTrue();
        }
    }

    private static void assertInvalidParams(JsonNode answer, String expected) {
        assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(-32602);
        assertThat(answer.path("error").path("message").asText()).as(answer.toString()).contains(expected)
                .doesNotContain("java.", "com.fasterxml", "io.modelcontextprotocol", "Cannot deserialize", "`",
                        "Exception");
    }

    @Test
    void logNotificationsGoOutAtAndAboveTheLevelSetAndUnknownLevelsAreRefused() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(temp.resolve("ws"))) {
            McpStdioClient client = server.client();
            JsonNode refused = client.requestError("logging/setLevel", args("level", "verbose"));
            assertThat(refused.path("code").asInt()).isEqualTo(-32602);
            assertThat(refused.path("message").asText()).contains("'verbose'",
                    "debug, info, notice, warning, error, critical, alert, emergency");

            client.request("logging/setLevel", args("level", "warning"));
            server.call("ce_status", args("workflow_id", "wf-below")); // logged at info: "ce_status refused"
            client.sendRaw("{not json"); // logged at warning: "Dropped an input line"
            client.request("ping", args()); // read after that line: its warning was sent before this answer
            assertThat(logTexts(client)).anyMatch(text -> text.contains("Dropped an input line"))
                    .noneMatch(text -> text.contains("wf-below"));
            assertThat(server.awaitLogNotification("Dropped an input line", Duration.ZERO).path("params")
                    .path("level").asText()).isEqualTo("warning");

            client.request("logging/setLevel", args("level", "info"));
            server.call("ce_status", args("workflow_id", "wf-at-info"));
            assertThat(server.awaitLogNotification("wf-at-info", Duration.ZERO).path("params").path("level")
                    .asText()).isEqualTo("info");

            client.request("logging/setLevel", args("level", "error"));
            server.call("ce_status", args("workflow_id", "wf-above"));
            client.sendRaw("{still not json");
            client.request("ping", args());
            assertThat(logTexts(client)).noneMatch(text -> text.contains("wf-above"))
                    .filteredOn(text -> text.contains("Dropped an input line")).hasSize(1);
        }
    }

    @Test
    void aRequestBeforeInitializeIsAnsweredWithAnErrorAndAClientThatNeverSaysInitializedIsServed()
            throws IOException {
        try (ServerUnderTest server = ServerUnderTest.launch(temp.resolve("ws"), Map.of())) {
            McpStdioClient client = server.client();
            JsonNode early = client.requestError("tools/list", args());
            assertThat(early.path("code").asInt()).isEqualTo(-32600);
            assertThat(early.path("message").asText()).contains("not initialized", "'initialize' first");
            assertThat(client.request("ping", args()).isEmpty()).as("a ping is answered at any time").isTrue();

            // initialize, and never notifications/initialized
            client.request("initialize", args("protocolVersion", McpStdioClient.PROTOCOL_VERSION,
                    "capabilities", args(), "clientInfo", args("name", "forgetful", "version", "1")));
            assertThat(client.request("tools/list", args()).path("tools")).hasSize(19);
            assertThat(server.ok("ce_status", args()).has("workflows")).isTrue();
        }
    }

    /**
     * Calls {@code tool}, and once it runs (its "started" debug log) cancels it 100 ms later. Checks that the
     * server answers another request meanwhile, that the tool stops, and that the transport drops its answer.
     */
    private static Pending cancelWhileRunning(ServerUnderTest server, String tool, JsonNode arguments)
            throws InterruptedException {
        McpStdioClient client = server.client();
        client.request("logging/setLevel", args("level", "debug"));
        Pending call = client.send("tools/call", McpStdioClient.toolCall(tool, arguments));
        server.awaitLogNotification(tool + " started", STOP_LIMIT);
        Thread.sleep(100);
        client.cancel(call, "the user pressed Esc");

        long asked = System.nanoTime();
        client.request("ping", args());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("the next request is answered promptly")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(server.awaitLogNotification(tool + " stopped after", STOP_LIMIT).path("params").path("data")
                .asText()).contains("nothing was stored");
        server.awaitLogNotification("Dropped the answer to request " + call.id(), STOP_LIMIT);
        client.request("logging/setLevel", args("level", "warning"));
        return call;
    }

    /** Every page of resources/list, once the vaults' indexes (built in the background) hold {@code expected}. */
    private static List<JsonNode> allPages(ServerUnderTest server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        while (true) {
            List<JsonNode> pages = new ArrayList<>();
            JsonNode page = server.client().request("resources/list", args());
            pages.add(page);
            while (page.has("nextCursor")) {
                page = server.client().request("resources/list", args("cursor", page.path("nextCursor").asText()));
                pages.add(page);
            }
            int listed = pages.stream().mapToInt(p -> p.path("resources").size()).sum();
            if (listed == expected || System.nanoTime() > deadline) {
                return pages;
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode annotations(JsonNode tools, String name) {
        for (JsonNode tool : tools) {
            if (tool.path("name").asText().equals(name)) {
                return tool.path("annotations");
            }
        }
        throw new AssertionError("no tool " + name);
    }

    private static List<String> logTexts(McpStdioClient client) {
        return client.notifications().stream()
                .filter(notification -> notification.path("method").asText().equals("notifications/message"))
                .map(notification -> notification.path("params").path("data").asText()).toList();
    }

    private static List<String> eventTypes(ServerUnderTest server, String workflowId) {
        return Pages.allEvents(server.client(), workflowId).stream().map(event -> event.path("type").asText())
                .toList();
    }
}
