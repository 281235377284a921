package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pce.server.client.ServerLauncher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/** The built server over real stdio: handshake, tool list, and every tool through a workflow's life. */
class StdioServerIT {
    @TempDir
    Path temp;

    private ServerUnderTest server;

    @BeforeEach
    void start() throws IOException {
        server = ServerUnderTest.start(temp.resolve("ws"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void initializeAnswersWithServerInfoAndToolCapability() {
        JsonNode result = server.client().request("initialize", args("protocolVersion", "2025-06-18",
                "capabilities", args(), "clientInfo", args("name", "again", "version", "1")));
        assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("pce");
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("instructions").asText()).contains("ce_plan", "ce_claim");
    }

    @Test
    void requestsReadBeforeStdinClosesAreStillAnswered() throws Exception {
        // a script may pipe its requests in and close stdin at once: every request read must get its answer
        ProcessBuilder builder = ServerLauncher.serve(temp.resolve("piped"), List.of())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ce_plan\","
                            + "\"arguments\":" + Plans.small() + "}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", "").getBytes(StandardCharsets.UTF_8));
        }
        List<String> answers = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).hasSize(3);
        assertThat(answers).anySatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\"")
                .contains("\"workflow_id\":\"wf-"));
        assertThat(answers).anySatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\""));
    }

    @Test
    void aSoftDependentStartsOnAPartialOutputAndWaitsAgainWhenItIsRolledBack() {
        JsonNode plan = server.ok("ce_plan", args("goal", "API and client", "tasks", List.of(
                args("id", "api", "title", "Define the API", "kind", "implement", "produces", List.of("orders-api")),
                args("id", "client", "title", "Client", "kind", "implement",
                        "depends_on", List.of(args("id", "api", "type", "soft"))))));
        String id = plan.path("workflow_id").asText();
        assertThat(plan.path("edges").path(0).path("edge_class").asText()).isEqualTo("soft");
        JsonNode api = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
        String apiClaim = api.path("task").path("claim_id").asText();
        assertThat(server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b2"))
                .path("claimed").asBoolean()).isFalse();

        JsonNode published = server.ok("ce_progress", args("workflow_id", id, "task_id", "api",
                "claim_id", apiClaim, "agent", "b1", "artifact", "docs/orders-api.yaml", "note", "draft schema"));
        assertThat(published.path("now_ready")).extracting(JsonNode::asText).containsExactly("client");
        assertThat(published.path("task").path("partial_outputs")).extracting(JsonNode::asText)
                .containsExactly("docs/orders-api.yaml");
        JsonNode client = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b2"));
        assertThat(client.path("task").path("spec").path("id").asText()).isEqualTo("client");

        JsonNode rolledBack = server.ok("ce_progress", args("workflow_id", id, "task_id", "api",
                "claim_id", apiClaim, "agent", "b1", "rollback", true, "note", "the schema was wrong"));
        assertThat(rolledBack.path("claims_revoked")).extracting(JsonNode::asText).containsExactly("client");
        JsonNode status = server.ok("ce_status", args("workflow_id", id)).path("workflow");
        assertThat(status.path("tasks").path(1).path("status").asText()).isEqualTo("waiting");
        var late = server.call("ce_complete", args("workflow_id", id, "task_id", "client",
                "claim_id", client.path("task").path("claim_id").asText(), "agent", "b2"));
        assertThat(late.isError()).isTrue();
        assertThat(late.text()).contains("CONFLICT");
    }

    @Test
    void listsEveryToolWithItsInputSchemaInAToolListOfAtMost22700Bytes() {
        String line = server.client().requestLine("tools/list", args());
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("tools/list answer, bytes")
                .isLessThanOrEqualTo(22_700); // 21,500 until ce_note_edit, whose contract costs 1,181
        JsonNode tools = server.client().request("tools/list", args()).path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> {
            names.add(tool.path("name").asText());
            assertThat(tool.path("description").asText()).hasSizeGreaterThan(40);
            assertThat(tool.path("inputSchema").path("type").asText()).isEqualTo("object");
            assertThat(tool.has("outputSchema")).as("output schemas stay in the contracts").isFalse();
        });
        assertThat(names).containsExactlyInAnyOrder("ce_plan", "ce_status", "ce_events", "ce_claim", "ce_complete",
                "ce_fail", "ce_progress", "ce_capture", "ce_search", "ce_note", "ce_note_edit", "ce_gate", "ce_gate_report", "ce_review", "ce_resolve", "ce_edit", "ce_learn", "ce_learn_from", "ce_predict");
        JsonNode templates = server.client().request("resources/templates/list", args()).path("resourceTemplates");
        List<String> uris = new ArrayList<>();
        templates.forEach(template -> uris.add(template.path("uriTemplate").asText()));
        assertThat(uris).containsExactlyInAnyOrder("pkm://note/{id}", "pkm://note/{vault}/{id}");
    }

    @Test
    void offersThePromptsAndRendersThemWithArguments() {
        JsonNode prompts = server.client().request("prompts/list", args()).path("prompts");
        List<String> names = new ArrayList<>();
        prompts.forEach(prompt -> names.add(prompt.path("name").asText()));
        assertThat(names).contains("ce-plan", "ce-exec", "ce-review", "ce-pr", "ce-capture", "ce-learn",
                "ce-parallel-plan", "ce-parallel-build", "ce-parallel-review", "ce-parallel-status");
        JsonNode plan = prompts.path(names.indexOf("ce-plan"));
        assertThat(plan.path("arguments").path(0).path("name").asText()).isEqualTo("goal");
        assertThat(plan.path("arguments").path(0).path("required").asBoolean()).isTrue();

        JsonNode rendered = server.client().request("prompts/get", args("name", "ce-plan",
                "arguments", args("goal", "Add rate limiting")));
        String text = rendered.path("messages").path(0).path("content").path("text").asText();
        assertThat(rendered.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(text).contains("Plan this change as a PCE workflow: Add rate limiting").contains("ce_plan")
                .doesNotContain("{{");
        JsonNode missing = server.client().requestError("prompts/get", args("name", "ce-plan", "arguments", args()));
        assertThat(missing.path("code").asInt()).isEqualTo(-32602);
        assertThat(missing.path("message").asText()).contains("needs goal");
    }

    @Test
    void runsAWorkflowThroughEveryTool() {
        JsonNode plan = server.ok("ce_plan", Plans.small());
        String id = plan.path("workflow_id").asText();
        assertThat(id).startsWith("wf-");
        assertThat(plan.path("ready_now")).extracting(JsonNode::asText).containsExactly("design");
        assertThat(plan.path("tasks").path(1).path("pool").asText()).isEqualTo("builders");
        assertThat(plan.path("tasks").path(2).path("estimate_minutes").asDouble()).isEqualTo(60);
        assertThat(plan.path("edges")).extracting(edge -> edge.path("from").asText() + "->"
                + edge.path("to").asText() + ":" + edge.path("edge_class").asText())
                .containsExactly("design->build-a:hard", "design->build-b:hard", "build-a->review:hard",
                        "build-a->review:feedback", "build-b->review:hard", "build-b->review:feedback");
        JsonNode schedule = plan.path("schedule");
        assertThat(schedule.path("critical_path")).extracting(JsonNode::asText)
                .containsExactly("design", "build-b", "review");
        assertThat(schedule.path("eta_minutes").asDouble()).isEqualTo(schedule.path("critical_path_minutes").asDouble());
        assertThat(schedule.path("speedup").asDouble()).isGreaterThan(1);

        JsonNode nothing = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
        assertThat(nothing.path("claimed").asBoolean()).isFalse();
        assertThat(nothing.path("message").asText()).contains("waiting for dependencies");

        JsonNode design = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p1"));
        assertThat(design.path("task").path("spec").path("id").asText()).isEqualTo("design");
        JsonNode done = server.ok("ce_complete", args("workflow_id", id, "task_id", "design",
                "claim_id", design.path("task").path("claim_id").asText(), "agent", "p1",
                "summary", "Endpoint returns 200 with build info", "artifacts", List.of("docs/health.md")));
        assertThat(done.path("now_ready")).extracting(JsonNode::asText).containsExactly("build-a", "build-b");

        // build-b (60 min) heads a longer chain than build-a (45 min): the critical path is handed out first
        JsonNode buildB = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b2"));
        assertThat(buildB.path("task").path("spec").path("id").asText()).isEqualTo("build-b");
        assertThat(buildB.path("task").path("inputs").path(0).path("summary").asText())
                .isEqualTo("Endpoint returns 200 with build info");
        JsonNode buildA = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
        assertThat(buildA.path("task").path("spec").path("id").asText()).isEqualTo("build-a");

        JsonNode retry = server.ok("ce_fail", args("workflow_id", id, "task_id", "build-b",
                "claim_id", buildB.path("task").path("claim_id").asText(), "agent", "b2",
                "reason", "flaky test", "retryable", true));
        assertThat(retry.path("will_retry").asBoolean()).isTrue();
        assertThat(retry.path("task").path("status").asText()).isEqualTo("ready");

        JsonNode status = server.ok("ce_status", args("workflow_id", id)).path("workflow");
        assertThat(status.path("progress_percent").asDouble()).isEqualTo(25.0);
        assertThat(status.path("counts").path("claimed").asInt()).isEqualTo(1);
        assertThat(status.path("blocked")).isEmpty();
        JsonNode review = status.path("tasks").path(3);
        assertThat(review.path("status").asText()).isEqualTo("waiting");
        assertThat(review.path("waiting_for")).extracting(JsonNode::asText).containsExactly("build-a", "build-b");
        assertThat(status.path("tasks").path(0).has("claim_id")).as("claim ids are the claimer's secret").isFalse();

        JsonNode again = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b3"));
        assertThat(again.path("task").path("attempt").asInt()).isEqualTo(2);
        JsonNode failed = server.ok("ce_fail", args("workflow_id", id, "task_id", "build-b",
                "claim_id", again.path("task").path("claim_id").asText(), "agent", "b3",
                "reason", "the API it needs does not exist"));
        assertThat(failed.path("will_retry").asBoolean()).isFalse();
        assertThat(failed.path("now_blocked")).extracting(JsonNode::asText).containsExactly("review");
        assertThat(failed.path("workflow_phase").asText()).isEqualTo("active");

        server.ok("ce_complete", args("workflow_id", id, "task_id", "build-a",
                "claim_id", buildA.path("task").path("claim_id").asText(), "agent", "b1"));
        JsonNode finished = server.ok("ce_status", args("workflow_id", id)).path("workflow");
        assertThat(finished.path("phase").asText()).isEqualTo("failed");
        assertThat(finished.path("blocked").path(0).path("failed_cause")).extracting(JsonNode::asText)
                .containsExactly("build-b");

        JsonNode events = server.ok("ce_events", args("workflow_id", id, "after", 0, "limit", 1000));
        List<String> types = new ArrayList<>();
        events.path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("workflow.planned", "task.claimed", "task.completed", "task.claimed",
                "task.claimed", "task.failed", "task.claimed", "task.failed", "task.completed");
        long previous = 0;
        for (JsonNode event : events.path("events")) {
            assertThat(event.path("seq").asLong()).isEqualTo(previous + 1);
            previous = event.path("seq").asLong();
        }

        JsonNode page = server.ok("ce_events", args("workflow_id", id, "after", 2, "limit", 2,
                "types", List.of("task.claimed")));
        assertThat(page.path("events")).hasSize(2);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        JsonNode rest = server.ok("ce_events", args("workflow_id", id, "after", page.path("next_after").asLong(),
                "types", List.of("task.claimed")));
        assertThat(rest.path("events")).hasSize(1);
        assertThat(server.ok("ce_events", args("workflow_id", id, "task_id", "build-a")).path("events"))
                .hasSize(2);
        assertThat(server.ok("ce_events", args("workflow_id", id, "pool", "planners")).path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("workflow.planned", "task.claimed", "task.completed");

        JsonNode all = server.ok("ce_status", args());
        assertThat(all.path("workflows")).extracting(node -> node.path("workflow_id").asText()).containsExactly(id);
    }

    @Test
    void completingTwiceWithTheSameClaimIsHarmless() {
        String id = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p1"));
        JsonNode report = args("workflow_id", id, "task_id", "design",
                "claim_id", claim.path("task").path("claim_id").asText(), "agent", "p1");
        assertThat(server.ok("ce_complete", report).path("duplicate").asBoolean()).isFalse();
        assertThat(server.ok("ce_complete", report).path("duplicate").asBoolean()).isTrue();
        assertThat(server.ok("ce_events", args("workflow_id", id)).path("events")).hasSize(3);
    }

    @Test
    void anExpiredLeaseReturnsTheTaskToItsPool() throws InterruptedException {
        String id = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
        JsonNode first = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p1",
                "lease_seconds", 1));
        Thread.sleep(1_200);
        JsonNode second = server.ok("ce_claim", args("workflow_id", id, "pool", "planners", "agent", "p2"));
        assertThat(second.path("claimed").asBoolean()).isTrue();
        assertThat(second.path("expired_leases")).extracting(JsonNode::asText).containsExactly("design");
        var late = server.call("ce_complete", args("workflow_id", id, "task_id", "design",
                "claim_id", first.path("task").path("claim_id").asText(), "agent", "p1"));
        assertThat(late.isError()).isTrue();
        assertThat(late.text()).contains("held by p2");
    }

    @Test
    void logsGoToStderrAndTheWorkspaceLogFileNeverToStdout() throws IOException {
        server.ok("ce_plan", Plans.small());
        assertThat(server.stderr()).contains("PCE MCP server");
        Path logs = temp.resolve("ws").resolve("logs");
        try (var files = Files.list(logs)) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".log")))
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.readString(file)).contains("PCE MCP server"));
        }
    }
}
