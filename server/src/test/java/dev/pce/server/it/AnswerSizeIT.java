package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pce.engine.Json;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.server.tools.ToolOutput;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool's answer fits what Claude Code accepts (25,000 tokens; checked as at most 24,000 bytes of UTF-8 for
 * the structured content and for the text, since a token is at least one byte), at the sizes PCE accepts: plans of
 * 1,000 and 20,000 tasks, texts and lists at their limits. What an answer leaves out, paging reaches.
 */
class AnswerSizeIT {
    private static final String LONG = "x".repeat(64 * 1024 - 100);
    private static final String TITLE = "Build the part of the rate limiter that ".repeat(13).substring(0, 500);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} tasks")
    @ValueSource(ints = {1_000, 20_000})
    void everyAnswerFitsTheClientAtEveryPlanSize(int size) throws IOException {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            Sizes sizes = new Sizes(server);
            JsonNode plan = sizes.ok("ce_plan", star(size));
            String id = plan.path("workflow_id").asText();
            assertThat(plan.path("task_count").asInt()).isEqualTo(size);
            assertThat(plan.path("truncated").path("cuts")).isNotEmpty();

            JsonNode status = sizes.ok("ce_status", args("workflow_id", id, "limit", 1_000));
            assertThat(status.path("tasks_page").path("total").asInt()).isEqualTo(size);
            if (size <= 1_000) {
                assertThat(pagedTaskIds(sizes, id)).hasSize(size);
            } else {
                JsonNode last = sizes.ok("ce_status", args("workflow_id", id, "offset", size - 3, "limit", 1_000));
                assertThat(last.path("workflow").path("tasks")).hasSize(3);
                assertThat(last.path("tasks_page").has("next_offset")).isFalse();
            }
            sizes.ok("ce_status", args());
            assertThat(eventsPaged(sizes, id)).isPositive();
            sizes.ok("ce_predict", args("workflow_id", id));
            sizes.ok("ce_edit", args("workflow_id", id, "request_id", "grow", "agent", "lead", "reason", LONG,
                    "edits", growingEdits(500)));

            JsonNode root = claim(sizes, id, "planners", "root");
            String claimId = root.path("task").path("claim_id").asText();
            sizes.ok("ce_progress", args("workflow_id", id, "task_id", "root", "claim_id", claimId, "agent", "p1",
                    "artifact", "docs/" + "d".repeat(1_000), "note", LONG));
            ArrayNode artifacts = Json.mapper().createArrayNode();
            for (int i = 0; i < 1_000; i++) {
                artifacts.add("src/main/java/dev/example/ratelimit/generated/Part" + i + "OfTheLimiter.java");
            }
            sizes.ok("ce_complete", args("workflow_id", id, "task_id", "root", "claim_id", claimId, "agent", "p1",
                    "summary", LONG, "artifacts", artifacts));

            JsonNode build = claim(sizes, id, "builders", "t1");
            JsonNode failed = sizes.ok("ce_fail", args("workflow_id", id, "task_id", "t1", "claim_id",
                    build.path("task").path("claim_id").asText(), "agent", "b1", "reason", LONG,
                    "retryable", true));
            assertThat(failed.path("will_retry").asBoolean()).isTrue();

            Path sarif = write(workspace.resolve("evidence"), "lint.sarif", sarif(5_000));
            sizes.ok("ce_gate", args("workflow_id", id, "evidence", List.of(sarif.toString())));
            sizes.ok("ce_gate_report", args("workflow_id", id, "agent", "r1", "dimension", "lint",
                    "findings", findings(1_000)));
            JsonNode review = claim(sizes, id, "reviewers", "review");
            sizes.call("ce_review", args("workflow_id", id, "task_id", "review", "claim_id",
                    review.path("task").path("claim_id").asText(), "agent", "r1", "summary", LONG, "verdicts",
                    List.of(Map.of("dimension", "security", "verdict", "request_changes", "findings",
                            findings(1_000)))));
            sizes.call("ce_resolve", args("workflow_id", id, "conflict_id", "conflict-1", "decision", "approve",
                    "reason", LONG, "agent", "lead"));

            JsonNode note = sizes.ok("ce_capture", args("type", "insight", "title", "Rate limits need a shared "
                    + "clock", "body", "y".repeat(200_000), "workflow_id", id));
            String noteId = note.path("note").path("id").asText();
            JsonNode read = sizes.ok("ce_note", args("note", noteId));
            sizes.ok("ce_note_edit", args("action", "edit", "note", noteId, "version", read.path("version").asText(),
                    "append", "z".repeat(100_000)));
            sizes.ok("ce_search", args("query", "rate limits clock", "limit", 100));
            sizes.ok("ce_learn", args("workflow_id", id));
            sizes.call("ce_learn_from", args("vault", "elsewhere"));
            sizes.call("ce_plan", args("goal", "a plan whose every task is wrong", "tasks", wrongTasks(size)));

            assertThat(sizes.checked).containsAll(dev.pce.server.tools.ToolCatalog.TOOL_NAMES);
        }
    }

    /** Pages through the whole task list with offset and limit: every task once. */
    private static Set<String> pagedTaskIds(Sizes sizes, String id) {
        Set<String> ids = new HashSet<>();
        int offset = 0;
        while (true) {
            JsonNode page = sizes.ok("ce_status", args("workflow_id", id, "offset", offset, "limit", 1_000));
            page.path("workflow").path("tasks").forEach(task -> assertThat(ids.add(task.path("id").asText())).isTrue());
            JsonNode next = page.path("tasks_page").path("next_offset");
            if (next.isMissingNode()) {
                return ids;
            }
            assertThat(next.asInt()).isGreaterThan(offset);
            // an answer cut by the server still says where the page really ended
            offset = offset + page.path("workflow").path("tasks").size();
        }
    }

    /** Reads the whole history with the cursor; how many events. */
    private static int eventsPaged(Sizes sizes, String id) {
        long after = 0;
        int events = 0;
        while (true) {
            JsonNode page = sizes.ok("ce_events", args("workflow_id", id, "after", after, "limit", 1_000));
            events += page.path("events").size();
            if (!page.path("has_more").asBoolean()) {
                return events;
            }
            assertThat(page.path("next_after").asLong()).isGreaterThan(after);
            after = page.path("next_after").asLong();
        }
    }

    private static JsonNode claim(Sizes sizes, String id, String pool, String task) {
        JsonNode claim = sizes.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", pool + "-1",
                "task_id", task));
        assertThat(claim.path("claimed").asBoolean()).as("claimed %s", task).isTrue();
        return claim;
    }

    /** The most edits one request may hold: {@code count} tasks added with long titles, as many re-estimated. */
    private static ArrayNode growingEdits(int count) {
        ArrayNode edits = Json.mapper().createArrayNode();
        for (int i = 1; i <= count; i++) {
            edits.addObject().put("op", "add").putObject("task").put("id", "extra-" + i).put("title", TITLE)
                    .put("kind", "docs").put("estimate", 5);
            edits.addObject().put("op", "estimate").put("task_id", "t" + (i + 1)).put("estimate", 11 + i % 40);
        }
        return edits;
    }

    /**
     * A design task, size-2 builders and a review, all in the first wave (a later wave would wait for the first
     * one's quality gate).
     */
    private static ObjectNode star(int size) {
        ObjectNode plan = Json.mapper().createObjectNode().put("goal", LONG);
        ArrayNode tasks = plan.putArray("tasks");
        tasks.addObject().put("id", "root").put("title", TITLE).put("kind", "design").put("estimate", 30)
                .put("description", LONG).putArray("writes").add("docs/design.md");
        for (int i = 1; i <= size - 2; i++) {
            ObjectNode task = tasks.addObject().put("id", "t" + i).put("title", TITLE).put("kind", "implement")
                    .put("estimate", 10 + i % 50);
            task.putArray("writes").add("src/part" + i + ".java");
            task.putArray("reads").add("docs/spec.md").add("src/api/Limits" + i % 7 + ".java");
        }
        tasks.addObject().put("id", "review").put("title", TITLE).put("kind", "review");
        return plan;
    }

    /** Tasks that each break a rule (a dependency on a task that does not exist): the error lists them all. */
    private static ArrayNode wrongTasks(int size) {
        ArrayNode tasks = Json.mapper().createArrayNode();
        for (int i = 0; i < size; i++) {
            tasks.addObject().put("id", "w" + i).put("title", TITLE).putArray("depends_on").add("missing-" + i);
        }
        return tasks;
    }

    private static List<Map<String, Object>> findings(int count) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            findings.add(Map.of("severity", "high", "message", "Unchecked input reaches the limiter ".repeat(30),
                    "file", "src/part" + i + ".java", "line", i + 1, "rule", "taint-" + i));
        }
        return findings;
    }

    private static String sarif(int results) {
        StringBuilder json = new StringBuilder("""
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lint"}}, "results": [""");
        for (int i = 0; i < results; i++) {
            json.append(i == 0 ? "" : ",").append("{\"ruleId\": \"rule-").append(i).append("\", \"level\": \"error\", ")
                    .append("\"message\": {\"text\": \"").append("Possible overflow in the bucket arithmetic. ".repeat(20))
                    .append("\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"src/part")
                    .append(i).append(".java\"}, \"region\": {\"startLine\": ").append(i + 1).append("}}}]}");
        }
        return json.append("]}]}").toString();
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content);
    }

    /** Calls tools and checks the size of every answer, success or error. */
    private static final class Sizes {
        private final ServerUnderTest server;
        private final Set<String> checked = new HashSet<>();

        Sizes(ServerUnderTest server) {
            this.server = server;
        }

        JsonNode ok(String tool, JsonNode arguments) {
            ToolResponse response = call(tool, arguments);
            assertThat(response.isError()).as("%s answered an error: %s", tool, response.text()).isFalse();
            return response.structured();
        }

        ToolResponse call(String tool, JsonNode arguments) {
            ToolResponse response = server.call(tool, arguments);
            checked.add(tool);
            assertThat(bytes(response.text())).as("%s text", tool).isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
            if (response.structured() != null && !response.structured().isMissingNode()) {
                assertThat(bytes(response.structured().toString())).as("%s structured content", tool)
                        .isLessThanOrEqualTo(ToolOutput.MAX_BYTES);
            }
            return response;
        }

        private static int bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
