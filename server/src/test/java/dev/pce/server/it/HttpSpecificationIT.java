package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.server.client.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as the MCP specification (revision 2025-06-18) says, over Streamable HTTP against the built jar
 * ({@code ce serve --http}), point for point as {@link McpSpecificationIT} checks it over stdio: clear errors for
 * malformed tool calls and log levels (the JSON body of the POST), log notifications to each session at the level
 * it set (on its GET stream), the notes as paged resources, long tool calls cancelled while they run (nothing
 * stored, the request's stream ends without an answer, and only the session that sent a request can cancel it),
 * and the lifecycle.
 */
class HttpSpecificationIT {
    private static final String TOKEN = "spec-token";
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void aToolCallWithArgumentsThatAreNoObjectOrAnUnknownToolIsInvalidParamsSaidPlainly() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession session = McpHttpSession.open(server.uri(), TOKEN)) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            Map<JsonNode, String> notObjects = Map.of(json.arrayNode().add(1), "got an array",
                    json.textNode("all"), "got a string", json.numberNode(42), "got a number");
            for (Map.Entry<JsonNode, String> arguments : notObjects.entrySet()) {
                JsonNode error = invalidParams(session, "tools/call", args("name", "ce_status",
                        "arguments", arguments.getKey()));
                assertThat(error.path("message").asText()).contains("'ce_status' must be a JSON object",
                        arguments.getValue()).doesNotContain("java.", "Cannot deserialize", "LinkedHashMap");
            }

            assertThat(invalidParams(session, "tools/call", args("name", "ce_foo", "arguments", args()))
                    .path("message").asText()).contains("Unknown tool 'ce_foo'", "ce_plan", "ce_status");
            assertThat(invalidParams(session, "tools/call", args("name", "ce_stauts")).path("message").asText())
                    .contains("Did you mean 'ce_status'?");
            assertThat(session.ok("ce_status", args()).has("workflows")).as("the session goes on").isTrue();
        }
    }

    @Test
    void unknownLogLevelsAreRefusedAndEachSessionGetsItsOwnRecordsAtItsLevelAndTheServersAtItsLevel()
            throws Exception {
        Path vault = temp.resolve("ws").resolve("vault");
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession first = McpHttpSession.open(server.uri(), TOKEN);
             McpHttpSession second = McpHttpSession.open(server.uri(), TOKEN)) {
            assertThat(invalidParams(first, "logging/setLevel", args("level", "verbose")).path("message").asText())
                    .contains("'verbose'", "debug, info, notice, warning, error, critical, alert, emergency");
            first.listen("info");
            second.listen("warning");

            // the records of a call go to the session that made it, at its level
            first.answer("tools/call", status("wf-of-the-first"));
            assertThat(first.awaitLog("wf-of-the-first", STOP_LIMIT).path("params").path("level").asText())
                    .isEqualTo("info");
            second.answer("tools/call", status("wf-of-the-second"));
            // records that belong to no request go to every session: a note the vault's index skips
            placeWhole(vault.resolve("broken-1.md"), "---\ntitle: never closed\n");
            first.awaitLog("broken-1", STOP_LIMIT);
            second.awaitLog("broken-1", STOP_LIMIT);
            assertThat(first.logs()).as("the second session's record, sent before the warning if at all")
                    .noneMatch(text -> text.contains("wf-of-the-second"));
            assertThat(second.logs()).noneMatch(text -> text.contains("wf-of-the-second"))
                    .noneMatch(text -> text.contains("wf-of-the-first"));

            first.result("logging/setLevel", args("level", "error"));
            first.answer("tools/call", status("wf-above"));
            placeWhole(vault.resolve("broken-2.md"), "---\ntitle: never closed either\n");
            second.awaitLog("broken-2", STOP_LIMIT);
            first.result("logging/setLevel", args("level", "info"));
            first.answer("tools/call", status("wf-marker"));
            first.awaitLog("wf-marker", STOP_LIMIT);
            assertThat(first.logs()).as("nothing below error while the first session was at error")
                    .noneMatch(text -> text.contains("wf-above")).noneMatch(text -> text.contains("broken-2"));
        }
    }

    @Test
    void resourcesListPagesThroughTheNotes() throws Exception {
        Path vault = temp.resolve("ws").resolve("vault");
        for (int i = 0; i < 130; i++) {
            Workloads.note(vault.resolve("notes/n-%03d.md".formatted(i)), "Note " + i, "insight");
        }
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession session = McpHttpSession.open(server.uri(), TOKEN)) {
            List<JsonNode> pages = allPages(session, 130);

            assertThat(pages).extracting(page -> page.path("resources").size()).containsExactly(100, 30);
            assertThat(pages.get(0).path("resources").path(0).path("uri").asText()).isEqualTo("pkm://note/n-000");
            assertThat(pages.get(1).has("nextCursor")).isFalse();
            assertThat(invalidParams(session, "resources/list", args("cursor", "not-a-cursor")).path("message")
                    .asText()).contains("'not-a-cursor'", "without a cursor");
        }
    }

    @Test
    void aBigPlanCancelledWhileItRunsStopsStoresNothingAndItsStreamEndsWithoutAnAnswer() throws Exception {
        Path workspace = temp.resolve("ws");
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession session = McpHttpSession.open(server.uri(), TOKEN)) {
            cancelWhileRunning(session, "ce_plan", Plans.chainsSharingFiles(1_000, 5));

            assertThat(session.ok("ce_status", args()).path("workflows")).as("workflows").isEmpty();
            assertThat(workspace.resolve("workflows")).satisfiesAnyOf(
                    dir -> assertThat(dir).doesNotExist(), dir -> assertThat(dir).isEmptyDirectory());
            assertThat(session.ok("ce_plan", Plans.small()).path("task_count").asInt())
                    .as("the server plans again").isEqualTo(4);
        }
    }

    @Test
    void learningCancelledWhileItReadsALongHistoryStoresNothing() throws Exception {
        Path workspace = temp.resolve("ws");
        String workflowId = Workloads.finishedWorkflow(workspace, 3_000);
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession session = McpHttpSession.open(server.uri(), TOKEN)) {
            cancelWhileRunning(session, "ce_learn", args("workflow_id", workflowId));

            assertThat(workspace.resolve("learning/patterns.json")).as("no patterns saved").doesNotExist();
            assertThat(Workloads.notesIn(workspace.resolve("vault"))).as("no pattern notes written").isEmpty();
            assertThat(session.ok("ce_learn", args("workflow_id", workflowId)).path("store_version").asLong())
                    .as("learning again saves the first version: the cancelled one saved none").isEqualTo(1);
        }
    }

    @Test
    void aGateCancelledWhileItReadsManyReportsStoresNoEvidenceAndNoVerdict() throws Exception {
        Path workspace = temp.resolve("ws");
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession session = McpHttpSession.open(server.uri(), TOKEN)) {
            String workflowId = session.ok("ce_plan", Plans.small()).path("workflow_id").asText();
            Path reports = Workloads.junitReports(workspace.resolve("evidence"), 40, 5_000);
            ObjectNode gate = args("workflow_id", workflowId, "evidence", List.of(reports.toString()));

            cancelWhileRunning(session, "ce_gate", gate);

            assertThat(eventTypes(session, workflowId)).containsExactly("workflow.planned");
            session.ok("ce_gate", gate);
            assertThat(eventTypes(session, workflowId)).contains("gate.evidence_reported", "gate.evaluated");
        }
    }

    /** Request ids are the client's, so each session has its own: a cancel names a request of its session. */
    @Test
    void aSessionCannotCancelTheRequestOfAnother() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN);
             McpHttpSession planner = McpHttpSession.open(server.uri(), TOKEN);
             McpHttpSession other = McpHttpSession.open(server.uri(), TOKEN)) {
            planner.listen("debug");
            ObjectNode call = planner.newRequest("tools/call", args("name", "ce_plan", "arguments",
                    Plans.chainsSharingFiles(1_000, 5)));
            CompletableFuture<HttpResponse<String>> planned = planner.postAsync(call);
            planner.awaitLog("ce_plan started", STOP_LIMIT);

            assertThat(other.notify("notifications/cancelled", args("requestId", call.get("id")))).isEqualTo(202);
            assertThat(planned).as("the plan still ran when the other session's cancel was handled").isNotDone();

            JsonNode answer = McpHttpSession.message(planned.get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .orElseThrow(() -> new AssertionError("the plan got no answer"));
            assertThat(answer.path("id").asLong()).isEqualTo(call.get("id").asLong());
            assertThat(answer.path("result").path("structuredContent").path("workflow_id").asText()).startsWith("wf-");
            assertThat(planner.logs()).noneMatch(text -> text.contains("cancelled"));
            assertThat(planner.ok("ce_status", args()).path("workflows")).hasSize(1);
        }
    }

    /**
     * Before initialize there is no session: the transport refuses a request without one. After it, requests are
     * answered whether or not the client sends notifications/initialized (this session never does).
     */
    @Test
    void nothingIsServedBeforeInitializeAndEverythingAfterItWithoutNotificationsInitialized() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start(temp, TOKEN)) {
            HttpResponse<String> early = McpHttpSession.postWithoutSession(server.uri(), TOKEN,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
            assertThat(early.statusCode()).isEqualTo(400);
            assertThat(early.body()).contains("\"code\":-32000", "no Mcp-Session-Id header", "initialize");

            try (McpHttpSession session = McpHttpSession.open(server.uri(), TOKEN)) {
                assertThat(session.result("tools/list", args()).path("tools")).hasSize(19);
                assertThat(session.ok("ce_status", args()).has("workflows")).isTrue();
            }
        }
    }

    /**
     * Calls {@code tool} on a new stream, and once it runs (its "started" debug log) cancels it 100 ms later. Checks
     * that the session answers another request meanwhile, that the tool stops, and that its stream ends without an
     * answer.
     */
    private static void cancelWhileRunning(McpHttpSession session, String tool, JsonNode arguments)
            throws Exception {
        session.listen("debug");
        ObjectNode call = session.newRequest("tools/call", args("name", tool, "arguments", arguments));
        CompletableFuture<HttpResponse<String>> stream = session.postAsync(call);
        session.awaitLog(tool + " started", STOP_LIMIT);
        Thread.sleep(100);
        assertThat(session.notify("notifications/cancelled", args("requestId", call.get("id"),
                "reason", "the user pressed Esc"))).isEqualTo(202);

        long asked = System.nanoTime();
        session.result("ping", args());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("the next request is answered promptly")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(session.awaitLog(tool + " stopped after", STOP_LIMIT).path("params").path("data").asText())
                .contains("nothing was stored");
        HttpResponse<String> ended = stream.get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(McpHttpSession.message(ended)).as("the stream of the cancelled call: %s", ended.body()).isEmpty();
        session.result("logging/setLevel", args("level", "warning"));
    }

    /** A ce_status call of a workflow that does not exist: refused, which is logged at info naming the id. */
    /**
     * Writes the note beside the vault and moves it in, so the watcher sees one event: a create and a later
     * modify in separate debounce windows (a loaded machine) would index it twice and repeat the warning after
     * the session's level changed back.
     */
    private static void placeWhole(Path note, String text) throws Exception {
        Path draft = Files.writeString(note.getParent().resolveSibling(note.getFileName() + ".draft"), text);
        Files.move(draft, note, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonNode status(String workflowId) {
        return args("name", "ce_status", "arguments", args("workflow_id", workflowId));
    }

    private static JsonNode invalidParams(McpHttpSession session, String method, JsonNode params) {
        ObjectNode request = session.newRequest(method, params);
        HttpResponse<String> response = session.post(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode answer = McpHttpSession.message(response).orElseThrow();
        assertThat(answer.path("id").asLong()).as(response.body()).isEqualTo(request.get("id").asLong());
        assertThat(answer.path("error").path("code").asInt()).as(response.body()).isEqualTo(-32602);
        return answer.path("error");
    }

    /** Every page of resources/list, once the vault's index (built in the background) holds {@code expected}. */
    private static List<JsonNode> allPages(McpHttpSession session, int expected) throws Exception {
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        while (true) {
            List<JsonNode> pages = new ArrayList<>();
            JsonNode page = session.result("resources/list", args());
            pages.add(page);
            while (page.has("nextCursor")) {
                page = session.result("resources/list", args("cursor", page.path("nextCursor").asText()));
                pages.add(page);
            }
            int listed = pages.stream().mapToInt(p -> p.path("resources").size()).sum();
            if (listed == expected || System.nanoTime() > deadline) {
                return pages;
            }
            Thread.sleep(200);
        }
    }

    private static List<String> eventTypes(McpHttpSession session, String workflowId) {
        return Pages.allEvents(arguments -> session.ok("ce_events", arguments), workflowId).stream()
                .map(event -> event.path("type").asText()).toList();
    }
}
