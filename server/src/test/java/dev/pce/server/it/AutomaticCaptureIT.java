package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static dev.pce.server.quality.EvidenceSamples.jacoco;
import static dev.pce.server.quality.EvidenceSamples.surefire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic capture over real stdio, with the real rules and a real vault: a workflow with a failed task, a failed
 * gate and an overrun ends, and the vault holds one note per insight, found by ce_search, linked to the workflow,
 * its tasks and the evidence; a server started again writes none twice, nor do two servers on one workspace.
 */
class AutomaticCaptureIT {
    private static final Duration NOTES_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void aWorkflowThatEndsLeavesOneLinkedNotePerInsightAndAServerStartedAgainWritesNoneTwice() throws Exception {
        Path workspace = temp.resolve("ws");
        String id;
        Path junit;
        try (ServerUnderTest server = ServerUnderTest.start(workspace)) {
            id = server.ok("ce_plan", args("goal", "Rate limiting", "tasks", List.of(
                    args("id", "api", "title", "Token bucket", "kind", "build", "writes", List.of("src/Api.java")),
                    args("id", "slow", "title", "Slow migration", "kind", "migrate", "estimate", 0.01))))
                    .path("workflow_id").asText();
            String slow = claim(server, id, "slow", "b2");
            server.ok("ce_fail", args("workflow_id", id, "task_id", "api", "agent", "b1", "claim_id",
                    claim(server, id, "api", "b1"), "reason", "Tests failed: 2 of 10", "retryable", true));
            Thread.sleep(2_100); // 0.035 minutes: past the rules' factor times the estimate of 0.01
            String api = claim(server, id, "api", "b1"); // the claim that finds the overrun
            junit = Files.writeString(workspace.resolve("TEST-dev.example.ApiTest.xml"), surefire(1));
            Path coverage = Files.writeString(workspace.resolve("jacoco.xml"), jacoco(90, 10));
            AgentSteps.reportCleanLintSecurityAndReview(server, id);
            JsonNode gate = server.ok("ce_gate", args("workflow_id", id, "project_type", "library",
                    "evidence", List.of(junit.toString(), coverage.toString()))).path("gate");
            assertThat(gate.path("blocking").asBoolean()).isTrue();
            complete(server, id, "api", api, "b1");
            complete(server, id, "slow", slow, "b2");
            finishAll(server, id, "builders");
            assertThat(server.ok("ce_status", args("workflow_id", id)).path("workflow").path("phase").asText())
                    .isEqualTo("completed");

            // the gate after wave 0, and the gate before the pull request (judged once every task was done)
            List<JsonNode> hits = awaitNotes(server, 5);
            assertThat(hits).extracting(hit -> hit.path("type").asText())
                    .containsExactlyInAnyOrder("failure", "failure", "failure", "insight", "insight");
            JsonNode failure = note(server, hits, "build failed: Tests failed: 2 of 10");
            assertThat(failure.path("front_matter").path("workflow").asText()).isEqualTo(id);
            assertThat(texts(failure.path("front_matter").path("tasks"))).containsExactly("api");
            JsonNode failedGate = note(server, hits, "Gate wave-0 failed: tests-failed, tests-pass-rate");
            assertThat(texts(failedGate.path("front_matter").path("evidence"))).containsExactly(junit.toString());
            assertThat(texts(failedGate.path("front_matter").path("tasks"))).allMatch(t -> t.startsWith("wave-0-fix"));
            JsonNode overrun = note(server, hits, "migrate tasks overran their estimates in " + id);
            assertThat(texts(overrun.path("front_matter").path("tasks"))).containsExactly("slow");
            JsonNode retrospective = note(server, hits, "Retrospective of " + id + ": Rate limiting");
            assertThat(texts(retrospective.path("links").path("links_to"))).hasSize(4).contains(
                    id(failure), id(failedGate), id(overrun));
            assertThat(server.ok("ce_search", args("query", "overran migrate")).path("hits").path(0)
                    .path("note").path("id").asText()).isEqualTo(id(overrun));
        }
        try (ServerUnderTest again = ServerUnderTest.start(workspace)) {
            again.awaitSearchable("Retrospective", 1);
            // the gate judged again on tests failing again: its note counts the second failure, no second note
            Files.writeString(junit, surefire(2));
            String judged = again.ok("ce_gate", args("workflow_id", id, "project_type", "library", "evidence",
                    List.of(junit.toString()))).path("gate").path("gate").asText();
            List<JsonNode> hits = awaitNotes(again, 5);
            JsonNode gateNote = hits.stream().filter(hit -> hit.path("note").path("title").asText()
                    .startsWith("Gate " + judged + " failed")).findFirst().orElseThrow();
            awaitEvents(again, gateNote.path("note").path("id").asText(), 2);
            assertThat(awaitNotes(again, 5)).hasSize(5);
        }
        assertThat(noteFiles(workspace.resolve("vault"))).hasSize(5).noneMatch(file -> file.matches(".*-\\d\\.md"));
    }

    @Test
    void twoServersOnOneWorkspaceWriteOneNoteForEachInsight() throws Exception {
        Path workspace = temp.resolve("ws");
        try (ServerUnderTest first = ServerUnderTest.start(workspace);
             ServerUnderTest second = ServerUnderTest.start(workspace)) {
            String id = first.ok("ce_plan", args("goal", "Two agents", "tasks", List.of(
                    args("id", "a", "title", "A", "kind", "build"), args("id", "b", "title", "B", "kind", "build"))))
                    .path("workflow_id").asText();
            String a = claim(first, id, "a", "b1");
            String b = claim(second, id, "b", "b2");
            first.ok("ce_fail", args("workflow_id", id, "task_id", "a", "agent", "b1", "claim_id", a,
                    "reason", "Tests failed: 1 of 4", "retryable", true));
            second.ok("ce_fail", args("workflow_id", id, "task_id", "b", "agent", "b2", "claim_id", b,
                    "reason", "Tests failed: 3 of 4", "retryable", true));
            complete(first, id, "a", claim(first, id, "a", "b1"), "b1");
            complete(second, id, "b", claim(second, id, "b", "b2"), "b2");

            List<JsonNode> hits = awaitNotes(second, 2);
            JsonNode failure = note(second, hits, "build failed: Tests failed: 1 of 4");
            awaitEvents(second, id(failure), 2);
            assertThat(texts(note(second, hits, "build failed: Tests failed: 1 of 4").path("front_matter")
                    .path("tasks"))).containsExactly("a", "b");
            assertThat(awaitNotes(first, 2)).hasSize(2);
        }
        assertThat(noteFiles(workspace.resolve("vault"))).hasSize(2);
    }

    private static String claim(ServerUnderTest server, String id, String taskId, String agent) {
        return server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", agent, "task_id", taskId))
                .path("task").path("claim_id").asText();
    }

    private static void complete(ServerUnderTest server, String id, String taskId, String claim, String agent) {
        server.ok("ce_complete", args("workflow_id", id, "task_id", taskId, "claim_id", claim, "agent", agent,
                "summary", "done"));
    }

    private static void finishAll(ServerUnderTest server, String id, String pool) {
        while (true) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", "b1"));
            if (!claim.path("claimed").asBoolean()) {
                return;
            }
            complete(server, id, claim.path("task").path("spec").path("id").asText(),
                    claim.path("task").path("claim_id").asText(), "b1");
        }
    }

    /** The automatic notes ce_search finds, once there are {@code count} (they are written in the background). */
    private static List<JsonNode> awaitNotes(ServerUnderTest server, int count) throws Exception {
        long deadline = System.nanoTime() + NOTES_WAIT.toNanos();
        while (true) {
            JsonNode found = server.ok("ce_search", args("tags", List.of("auto-capture"), "limit", 100));
            if (found.path("total").asInt() >= count || System.nanoTime() > deadline) {
                List<JsonNode> hits = new ArrayList<>();
                found.path("hits").forEach(hits::add);
                assertThat(hits).as("automatic notes; server log:\n%s", server.stderr()).hasSize(count);
                return hits;
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the note {@code noteId} stands for {@code count} insight events (it is brought up to date). */
    private static void awaitEvents(ServerUnderTest server, String noteId, int count) throws Exception {
        long deadline = System.nanoTime() + NOTES_WAIT.toNanos();
        while (server.ok("ce_note", args("note", noteId)).path("front_matter").path("insight_events").size() < count) {
            assertThat(System.nanoTime()).as("insight events of %s; log:\n%s", noteId, server.stderr())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonNode note(ServerUnderTest server, List<JsonNode> hits, String title) {
        for (JsonNode hit : hits) {
            if (hit.path("note").path("title").asText().equals(title)) {
                return server.ok("ce_note", args("note", hit.path("note").path("id").asText()));
            }
        }
        throw new AssertionError("no note titled '" + title + "' in " + hits);
    }

    private static String id(JsonNode note) {
        return note.path("note").path("id").asText();
    }

    private static List<String> noteFiles(Path vault) throws IOException {
        try (Stream<Path> files = Files.walk(vault)) {
            return files.filter(file -> file.toString().endsWith(".md")).map(Path::toString).toList();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
