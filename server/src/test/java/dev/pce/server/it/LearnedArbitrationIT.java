package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitration that learns from a person over real stdio: two review conflicts escalated and decided by a person
 * the same way, ce_learn, and the next identical conflict is decided by the learned rule, named with its version in
 * ce_review's answer and in its event.
 */
class LearnedArbitrationIT {
    @TempDir
    Path temp;

    private ServerUnderTest start() throws IOException {
        return ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_VAULT", temp.resolve("vault").toString(),
                "CE_PROJECT", "shop"));
    }

    /** A build reviewed by two reviewers each: ids build-N, review-a-N, review-b-N. */
    private static List<JsonNode> reviewedBuilds(int... numbers) {
        List<JsonNode> tasks = new ArrayList<>();
        for (int n : numbers) {
            tasks.add(args("id", "build-" + n, "title", "Build " + n, "kind", "build", "writes",
                    List.of("src/F" + n + ".java")));
            for (String reviewer : List.of("a", "b")) {
                tasks.add(args("id", "review-" + reviewer + "-" + n, "title", "Review " + reviewer + n, "kind",
                        "review", "depends_on", List.of("build-" + n)));
            }
        }
        return tasks;
    }

    /** Builds task {@code n} and has alice approve and bob reject its tests; returns bob's review answer. */
    private static JsonNode splitOnTests(ServerUnderTest server, String id, int n) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1",
                "task_id", "build-" + n));
        server.ok("ce_complete", args("workflow_id", id, "task_id", "build-" + n, "agent", "b1",
                "claim_id", claim.path("task").path("claim_id").asText()));
        review(server, id, "review-a-" + n, "alice", "approve");
        return review(server, id, "review-b-" + n, "bob", "reject");
    }

    private static JsonNode review(ServerUnderTest server, String id, String taskId, String reviewer,
                                   String verdict) {
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "reviewers", "agent", reviewer,
                "task_id", taskId));
        return server.ok("ce_review", args("workflow_id", id, "task_id", taskId, "agent", reviewer,
                "claim_id", claim.path("task").path("claim_id").asText(),
                "verdicts", List.of(args("dimension", "tests", "verdict", verdict))));
    }

    private static JsonNode lastResolution(ServerUnderTest server, String id) {
        List<JsonNode> events = new ArrayList<>();
        server.ok("ce_events", args("workflow_id", id, "types", List.of("conflict.resolved"))).path("events")
                .forEach(events::add);
        return events.getLast().path("payload").path("resolution");
    }

    @Test
    void twoEscalationsAPersonApprovedTeachARuleThatDecidesTheNextIdenticalConflict() throws Exception {
        try (ServerUnderTest server = start()) {
            String first = server.ok("ce_plan", args("goal", "two features", "tasks", reviewedBuilds(1, 2)))
                    .path("workflow_id").asText();
            for (int n : new int[] {1, 2}) {
                JsonNode escalated = splitOnTests(server, first, n);
                assertThat(escalated.path("decision").asText()).as(escalated.toString()).isEqualTo("escalate");
                assertThat(escalated.path("rule").asText()).as("a built-in rule decided")
                        .isEqualTo(lastResolution(server, first).path("rule").asText()).doesNotStartWith("learned:");
                assertThat(escalated.path("reason").asText()).isNotBlank();
                assertThat(escalated.has("rules_version")).isFalse();
                assertThat(lastResolution(server, first).path("situation").asText())
                        .isEqualTo("split-tests.open-none");
                server.ok("ce_resolve", args("workflow_id", first, "conflict_id",
                        escalated.path("conflict_id").asText(), "decision", "approve",
                        "reason", "the tests bob worried about exist", "agent", "lead"));
            }

            JsonNode learned = server.ok("ce_learn", args("workflow_id", first));

            assertThat(learned.path("rules_version").asInt()).as(learned.toString()).isEqualTo(1);
            assertThat(learned.path("learned").toString()).contains("escalation:split-tests.open-none");
            String next = server.ok("ce_plan", args("goal", "a third feature", "tasks", reviewedBuilds(3)))
                    .path("workflow_id").asText();
            JsonNode decided = splitOnTests(server, next, 3);
            assertThat(decided.path("decision").asText()).as(decided.toString()).isEqualTo("approved");
            JsonNode resolution = lastResolution(server, next);
            assertThat(resolution.path("rule").asText()).isEqualTo("learned:escalation:split-tests.open-none");
            assertThat(resolution.path("reason").asText()).contains("approved 2 of 2 times",
                    "instead of escalating");
            // ce_review's answer names the learned rule and its version itself, not only the event
            assertThat(decided.path("rule").asText()).isEqualTo("learned:escalation:split-tests.open-none");
            assertThat(decided.path("reason").asText()).isEqualTo(resolution.path("reason").asText());
            assertThat(decided.path("rules_version").asInt()).as(decided.toString()).isEqualTo(1);
            assertThat(resolution.path("rules_version").asInt()).as("the event names the version too").isEqualTo(1);
        }
    }
}
