package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team that comes from the compound-engineering plugin points PCE at its docs/solutions/: a real server over stdio
 * with the plugin's 80 real learnings (examples/vaults/compound-engineering/solutions, copied unchanged) as its
 * vault answers ce_search and ce_note with them and their own front matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompoundEngineeringVaultIT {
    private static final Path SOLUTIONS = Path.of("..", "examples", "vaults", "compound-engineering", "solutions");

    @TempDir
    static Path temp;

    private ServerUnderTest server;

    @BeforeAll
    void start() throws IOException {
        Path solutions = temp.resolve("plugin-repo/docs/solutions");
        TestFiles.copyTree(SOLUTIONS, solutions);
        server = ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_VAULT", solutions.toString(),
                "CE_PROJECT", "plugin"));
        server.awaitSearchable("", 80);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void searchFindsALearningByWhatItSaysWithItsTypeDateAndTags() {
        JsonNode result = server.ok("ce_search", args("query", "Windows checkout autocrlf breaks newline tests"));

        JsonNode first = result.path("hits").path(0);
        assertThat(first.path("note").path("id").asText()).isEqualTo(
                "windows-crlf-checkout-breaks-newline-anchored-tests");
        assertThat(first.path("note").path("path").asText()).isEqualTo(
                "developer-experience/windows-crlf-checkout-breaks-newline-anchored-tests.md");
        assertThat(first.path("note").path("title").asText()).startsWith("A Windows CRLF checkout fails");
        assertThat(first.path("type").asText()).as("problem_type").isEqualTo("developer_experience");
        assertThat(first.path("date").asText()).isEqualTo("2026-07-24");
        assertThat(first.path("tags")).extracting(JsonNode::asText).contains("crlf", "developer-experience");
        assertThat(first.path("snippets").toString()).contains("**");
    }

    @Test
    void theFiltersSelectByTheirProblemTypeCategoryAndDate() {
        JsonNode bestPractices = server.ok("ce_search", args("query", "", "types", List.of("best_practice"),
                "limit", 100));
        assertThat(bestPractices.path("total").asInt()).isEqualTo(8);
        bestPractices.path("hits").forEach(hit -> assertThat(hit.path("type").asText()).isEqualTo("best_practice"));

        JsonNode skillDesign = server.ok("ce_search", args("query", "cache", "tags", List.of("skill-design")));
        List<String> ids = new ArrayList<>();
        skillDesign.path("hits").forEach(hit -> ids.add(hit.path("note").path("id").asText()));
        assertThat(ids).as("category: docs/solutions/skill-design/, no such tag").contains(
                "cross-skill-shared-cache-primitive");

        JsonNode recent = server.ok("ce_search", args("query", "", "from", "2026-08-15", "limit", 100));
        assertThat(recent.path("total").asInt()).isPositive();
        recent.path("hits").forEach(hit -> assertThat(hit.path("date").asText()).isGreaterThanOrEqualTo("2026-08-15"));
    }

    @Test
    void aNoteShowsItsFrontMatterAsWrittenItsTagsAndTheNotesItIsRelatedTo() {
        JsonNode note = server.ok("ce_note", args("note", "posix-process-supervision-on-native-windows"));

        JsonNode fm = note.path("front_matter");
        assertThat(fm.path("title").asText()).startsWith("Porting POSIX process supervision to native Windows");
        assertThat(fm.path("problem_type").asText()).isEqualTo("architecture_pattern");
        assertThat(fm.path("severity").asText()).isEqualTo("high");
        assertThat(fm.path("applies_when").size()).isEqualTo(8);
        assertThat(note.path("tags")).extracting(JsonNode::asText).startsWith("windows", "cross-platform")
                .contains("architecture-patterns");
        assertThat(note.path("body").asText()).contains("peer-job-runner.py");

        JsonNode framework = server.ok("ce_note", args("note", "beta-skills-framework"));
        assertThat(framework.path("links").path("links_to")).extracting(JsonNode::asText)
                .contains("beta-promotion-orchestration-contract");
        assertThat(framework.path("links").path("linked_from")).extracting(JsonNode::asText)
                .contains("ce-prefix-required-for-skills-and-agents");
    }

    @Test
    void theOneLearningWithoutFrontMatterIsReadByItsHeading() {
        JsonNode note = server.ok("ce_note", args("note", "agent-friendly-cli-principles.md"));
        assertThat(note.path("note").path("title").asText()).isEqualTo(
                "Building Agent-Friendly CLIs: Practical Principles");
        assertThat(note.path("front_matter").size()).isZero();
    }
}
