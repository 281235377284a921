package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning tools over real stdio on real vaults: the sample vault as the project's own, a second project's
 * vault read only, two server processes on one workspace (one writes the index, the other follows it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningsIT {
    @TempDir
    static Path temp;

    private Path ownVault;
    private Path otherVault;
    private ServerUnderTest server;
    private ServerUnderTest second;

    @BeforeAll
    void start() throws IOException {
        ownVault = temp.resolve("pce-vault");
        TestFiles.copyTree(Path.of("..", "examples", "vault"), ownVault);
        otherVault = temp.resolve("billing").resolve("vault");
        Files.createDirectories(otherVault.resolve("failures"));
        Files.writeString(otherVault.resolve("failures/202409011200-refund-retries-without-jitter.md"), """
                ---
                title: Refund retries without jitter
                type: failure
                project: billing
                tags: [retries, payments]
                date: 2024-09-01
                ---
                Refund workers retried in lock step after the bank's outage and were throttled for an hour.
                """);
        Map<String, String> env = Map.of("CE_VAULT", ownVault.toString(), "CE_PROJECT", "pce",
                "CE_VAULTS", otherVault.toString());
        Path workspace = temp.resolve("ws");
        server = ServerUnderTest.start(workspace, env);
        second = ServerUnderTest.start(workspace, env);
        server.awaitSearchable("jitter", 2);
    }

    @AfterAll
    void stop() {
        second.close();
        server.close();
    }

    @Test
    void searchSpansBothVaultsAndEveryHitNamesItsProject() {
        JsonNode result = server.ok("ce_search", args("query", "retries jitter"));
        assertThat(result.path("vaults")).extracting(JsonNode::asText).containsExactly("pce", "billing");
        List<String> vaults = new ArrayList<>();
        result.path("hits").forEach(hit -> vaults.add(hit.path("note").path("vault").asText()));
        assertThat(vaults).contains("pce", "billing");
        JsonNode first = result.path("hits").path(0);
        assertThat(first.path("snippets").toString()).contains("**");
        assertThat(first.path("note").path("uri").asText()).startsWith("pkm://note/");

        JsonNode billingOnly = server.ok("ce_search", args("query", "jitter", "vaults", List.of("billing")));
        assertThat(billingOnly.path("hits")).hasSize(1);
        assertThat(billingOnly.path("hits").path(0).path("note").path("uri").asText())
                .isEqualTo("pkm://note/billing/202409011200-refund-retries-without-jitter");
        JsonNode decisions = server.ok("ce_search", args("query", "", "types", List.of("decision")));
        assertThat(decisions.path("total").asInt()).isPositive();
        decisions.path("hits").forEach(hit -> assertThat(hit.path("type").asText()).isEqualTo("decision"));
    }

    @Test
    void hitsShowTheLinkGraph() {
        JsonNode hits = server.ok("ce_search", args("query", "title:\"retries need jitter\"")).path("hits");
        JsonNode links = hits.path(0).path("links");
        assertThat(hits.path(0).path("note").path("id").asText()).isEqualTo("202408241604-retries-need-jitter");
        assertThat(links.path("linked_from").size() + links.path("links_to").size()).isPositive();
    }

    @Test
    void captureWritesANoteThatSearchAndNoteAndTheResourceFindAtOnce() {
        String workflowId = server.ok("ce_plan", Plans.small()).path("workflow_id").asText();
        JsonNode captured = server.ok("ce_capture", args("type", "insight", "title", "Idempotency keys stop double charges",
                "body", "Give every payment request an idempotency key; see [[202408241604-retries-need-jitter]] and "
                        + "[the ledger](ledger%20rules.md).",
                "tags", List.of("payments", "#idempotency"), "workflow_id", workflowId, "task_ids", List.of("build-a"),
                "agent", "reviewer-1"));
        assertThat(captured.path("indexed").asBoolean()).isTrue();
        String id = captured.path("note").path("id").asText();
        assertThat(id).matches("\\d{12}-idempotency-keys-stop-double-charges");
        assertThat(captured.path("note").path("path").asText()).isEqualTo("insights/" + id + ".md");
        assertThat(captured.path("front_matter").path("workflow").asText()).isEqualTo(workflowId);
        assertThat(captured.path("front_matter").path("project").asText()).isEqualTo("pce");
        assertThat(Files.exists(ownVault.resolve("insights/" + id + ".md"))).isTrue();

        assertThat(server.ok("ce_search", args("query", "idempotency")).path("hits").path(0).path("note")
                .path("id").asText()).isEqualTo(id);
        JsonNode note = server.ok("ce_note", args("note", id));
        assertThat(note.path("body").asText()).contains("idempotency key");
        assertThat(note.path("tags")).extracting(JsonNode::asText).containsExactly("payments", "idempotency");
        assertThat(note.path("links").path("links_to")).extracting(JsonNode::asText)
                .containsExactly("202408241604-retries-need-jitter");
        assertThat(note.path("link_counts").path("links_to").asInt()).isEqualTo(1);
        assertThat(note.path("link_counts").path("linked_from").asInt()).isZero();
        assertThat(note.path("link_counts").path("unresolved").asInt()).isEqualTo(1);
        assertThat(note.path("unresolved_links")).extracting(JsonNode::asText).containsExactly("ledger rules.md");

        JsonNode resource = server.client().request("resources/read", args("uri", "pkm://note/" + id));
        assertThat(resource.path("contents").path(0).path("mimeType").asText()).isEqualTo("text/markdown");
        assertThat(resource.path("contents").path(0).path("text").asText())
                .contains("title: Idempotency keys stop double charges").contains("idempotency key");

        // the same title in the same minute gets its own note, never an overwrite
        JsonNode again = server.ok("ce_capture", args("type", "insight", "title", "Idempotency keys stop double charges",
                "body", "Second thought."));
        assertThat(again.path("note").path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void aSecondServerOnTheWorkspaceSearchesAndCapturesToo() {
        JsonNode captured = second.ok("ce_capture", args("type", "decision", "title", "Follow the index writer",
                "body", "Processes that cannot write the index follow the one that does."));
        assertThat(captured.path("indexed").asBoolean()).isTrue();
        String id = captured.path("note").path("id").asText();
        assertThat(second.ok("ce_search", args("query", "index writer")).path("hits").path(0).path("note")
                .path("id").asText()).isEqualTo(id);
        assertThat(server.ok("ce_search", args("query", "index writer")).path("hits").path(0).path("note")
                .path("id").asText()).isEqualTo(id);
    }

    @Test
    void aNoteEditedOnDiskIsSoonSearchable() throws IOException {
        Files.writeString(ownVault.resolve("insights/edited-in-obsidian.md"), "# Written in Obsidian\n"
                + "Quokkas are the happiest reviewers.\n");
        server.awaitSearchable("quokkas", 1);
        second.awaitSearchable("quokkas", 1);
    }

    @Test
    void planAttachesRelatedLearningsToTasks() {
        JsonNode plan = server.ok("ce_plan", args("goal", "Harden the payment client", "tasks", List.of(
                args("id", "retry", "title", "Add retries with jitter to the payment client", "kind", "build"),
                args("id", "docs", "title", "Write the changelog", "kind", "build"))));
        JsonNode learnings = plan.path("learnings");
        assertThat(learnings.path(0).path("task_id").asText()).isEqualTo("retry");
        List<String> titles = new ArrayList<>();
        learnings.path(0).path("notes").forEach(n -> titles.add(n.path("title").asText().toLowerCase()));
        assertThat(titles).anyMatch(t -> t.contains("jitter"));
    }

    Stream<Arguments> badCalls() {
        return Stream.of(
                Arguments.of("ce_capture", args("type", "rumour", "title", "t", "body", "b"), "not a kind of learning"),
                Arguments.of("ce_capture", args("type", "insight", "title", " ", "body", "b"), "title is empty"),
                Arguments.of("ce_capture", args("type", "insight", "title", "t", "body", "b", "tags", List.of("a b")),
                        "which is not a tag"),
                Arguments.of("ce_capture", args("type", "insight", "title", "t", "body", "b", "task_ids", List.of("x")),
                        "without workflow_id"),
                Arguments.of("ce_capture", args("type", "insight", "title", "t", "body", "b",
                        "workflow_id", "wf-20260101-000000-nope"), "wf-20260101-000000-nope"),
                Arguments.of("ce_capture", args("type", "insight", "title", "t", "body", 7), "body must be a string"),
                Arguments.of("ce_search", args("query", "x", "from", "yesterday"), "not a day"),
                Arguments.of("ce_search", args("query", "x", "from", "2026-02-01", "to", "2026-01-01"),
                        "date range"),
                Arguments.of("ce_search", args("query", "x", "like", "y"), "Both query and like"),
                Arguments.of("ce_search", args("like", "no-such-note"), "There is no note 'no-such-note'"),
                Arguments.of("ce_search", args("limit", 1000), "limit must be between 1 and 100"),
                Arguments.of("ce_search", args("query", "x", "mode", "fuzzy"), "mode"),
                Arguments.of("ce_note", args("note", "no-such-note"), "There is no note 'no-such-note'"),
                Arguments.of("ce_note", args("note", "../../etc/passwd.md"), "outside"),
                Arguments.of("ce_note", args("note", "x", "vault", "nope"), "There is no vault named 'nope'"));
    }

    @ParameterizedTest
    @MethodSource("badCalls")
    void badInputAnswersAClearErrorAndTheServerStaysUp(String tool, JsonNode arguments, String expected) {
        ToolResponse response = server.call(tool, arguments);
        assertThat(response.isError()).as(response.text()).isTrue();
        assertThat(response.text()).contains(expected);
        assertThat(server.ok("ce_search", args("query", "jitter")).path("total").asInt()).isPositive();
    }

    /**
     * The question shares no word with the refund note: lexical search cannot find it, search by meaning does once the
     * model is loaded and the notes embedded (in the background; the answers say "lexical only" until then).
     */
    @Test
    void searchByMeaningFindsANoteThatSharesNoWordWithTheQuestion() throws InterruptedException, IOException {
        String question = "money returned to the buyer";
        String refund = "202409011200-refund-retries-without-jitter";
        assertThat(ids(server.ok("ce_search", args("query", question, "mode", "lexical")))).doesNotContain(refund);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode semantic = server.ok("ce_search", args("query", question, "mode", "semantic"));
        while (!ids(semantic).contains(refund) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            semantic = server.ok("ce_search", args("query", question, "mode", "semantic"));
        }
        assertThat(ids(semantic)).as("semantic hits, notices %s; log:%n%s", semantic.path("notices"),
                server.stderr()).contains(refund);
        assertThat(semantic.path("notices").toString()).doesNotContain("lexical only");
        JsonNode hybrid = server.ok("ce_search", args("query", question));
        assertThat(hybrid.path("interpretation").asText()).as("the default once the model is loaded")
                .startsWith("hybrid(");
        assertThat(ids(hybrid)).contains(refund);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(hit -> ids.add(hit.path("note").path("id").asText()));
        return ids;
    }

    @Test
    void anUnknownNoteResourceIsResourceNotFound() {
        JsonNode error = server.client().requestError("resources/read", args("uri", "pkm://note/nothing-here"));
        assertThat(error.path("code").asInt()).isEqualTo(-32002);
        assertThat(error.path("message").asText()).contains("nothing-here");
    }
}
