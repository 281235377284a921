package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compound loop over stdio: builds that take twice their estimate, ce_learn learns it (a pattern in the store
 * and a note in the vault), and the next ce_plan corrects build estimates with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningLoopIT {
    @TempDir
    static Path temp;

    private ServerUnderTest server;
    private Path vault;

    @BeforeAll
    void start() throws IOException {
        vault = temp.resolve("vault");
        server = ServerUnderTest.start(temp.resolve("ws"), Map.of("CE_VAULT", vault.toString(), "CE_PROJECT", "shop"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void buildsThatRunLongAreLearnedAndTheNextPlanIsCorrected() throws InterruptedException, IOException {
        double estimate = 0.002; // minutes: 120 ms
        String id = server.ok("ce_plan", args("goal", "three builds", "tasks", List.of(
                args("id", "a", "title", "A", "kind", "build", "estimate", estimate),
                args("id", "b", "title", "B", "kind", "build", "estimate", estimate),
                args("id", "c", "title", "C", "kind", "build", "estimate", estimate)))).path("workflow_id").asText();
        for (String task : List.of("a", "b", "c")) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1",
                    "task_id", task));
            Thread.sleep(300); // 2.5 times the estimate
            server.ok("ce_complete", args("workflow_id", id, "task_id", task, "agent", "b1",
                    "claim_id", claim.path("task").path("claim_id").asText()));
        }

        JsonNode learned = server.ok("ce_learn", args("workflow_id", id));

        assertThat(learned.path("learned").path(0).path("key").asText()).isEqualTo("estimate:build");
        assertThat(learned.path("learned").path(0).path("summary").asText()).startsWith("build takes ");
        assertThat(learned.path("store_version").asLong()).isEqualTo(1);
        assertThat(learned.path("rules_version").asInt()).as(learned.path("rules_notice").asText()).isEqualTo(1);
        String notePath = learned.path("notes").path(0).path("path").asText();
        assertThat(notePath).startsWith("patterns/");
        assertThat(Files.exists(vault.resolve(notePath))).isTrue();
        JsonNode note = server.ok("ce_note", args("note", learned.path("notes").path(0).path("id").asText()));
        assertThat(note.path("front_matter").path("pattern").asText()).isEqualTo("estimate:build");
        assertThat(note.path("front_matter").path("evidence_workflows").path(0).asText()).isEqualTo(id);

        JsonNode next = server.ok("ce_plan", args("goal", "next feature", "tasks", List.of(
                args("id", "x", "title", "X", "kind", "build", "estimate", 10),
                args("id", "y", "title", "Y", "kind", "review", "estimate", 10))));
        JsonNode correction = next.path("estimate_corrections");
        assertThat(correction).hasSize(1);
        assertThat(correction.path(0).path("task_id").asText()).isEqualTo("x");
        assertThat(correction.path(0).path("corrected_minutes").asDouble()).isGreaterThan(10);
        assertThat(next.path("tasks").path(0).path("estimate_minutes").asDouble())
                .isEqualTo(correction.path(0).path("corrected_minutes").asDouble());
        // ce_predict names the likely problems with their evidence notes
        server.ok("ce_capture", args("type", "failure", "title", "Payment webhook retried forever",
                "body", "The webhook handler retried without a limit and flooded the queue.", "tags", List.of("webhooks")));
        String third = server.ok("ce_plan", args("goal", "webhooks", "tasks", List.of(
                args("id", "hook", "title", "Payment webhook handler with retries", "kind", "build", "estimate", 20))))
                .path("workflow_id").asText();
        JsonNode predictions = server.ok("ce_predict", args("workflow_id", third)).path("predictions");
        List<String> kinds = new java.util.ArrayList<>();
        predictions.forEach(prediction -> kinds.add(prediction.path("kind").asText()));
        assertThat(kinds).contains("rule", "estimate", "failure");
        assertThat(predictions.path(kinds.indexOf("rule")).path("message").asText()).contains("learned:estimate:build");
        JsonNode estimatePrediction = predictions.path(kinds.indexOf("estimate"));
        assertThat(estimatePrediction.path("message").asText()).contains("'build' took");
        assertThat(estimatePrediction.path("evidence").path(0).path("path").asText()).startsWith("patterns/");
        assertThat(predictions.path(kinds.indexOf("failure")).path("evidence").path(0).path("title").asText())
                .isEqualTo("Payment webhook retried forever");

        // the plan event keeps the planner's own estimate, so the next learning measures against it
        JsonNode planned = server.ok("ce_events", args("workflow_id", next.path("workflow_id").asText(),
                "types", List.of("workflow.planned"))).path("events").path(0).path("payload");
        assertThat(planned.path("planned_estimates").path("x").asDouble()).isEqualTo(10);

        // another project imports the pattern from this project's vault, at lower confidence
        try (ServerUnderTest other = ServerUnderTest.start(temp.resolve("ws-other"), Map.of(
                "CE_VAULT", temp.resolve("other-vault").toString(), "CE_PROJECT", "billing",
                "CE_VAULTS", "shop=" + vault))) {
            awaitPatternNotes(other);
            JsonNode imported = other.ok("ce_learn_from", args("vault", "shop"));
            JsonNode pattern = imported.path("imported").path(0);
            assertThat(pattern.path("key").asText()).isEqualTo("estimate:build");
            JsonNode stored = imported.path("patterns").path(0);
            assertThat(stored.path("origin").path("project").asText()).isEqualTo("shop");
            assertThat(stored.path("origin").path("imported").asBoolean()).isTrue();
            assertThat(stored.path("confidence").asDouble()).isLessThan(pattern.path("confidence").asDouble());
            JsonNode plan = other.ok("ce_plan", args("goal", "g", "tasks", List.of(
                    args("id", "x", "title", "X", "kind", "build", "estimate", 10))));
            assertThat(plan.path("estimate_corrections").path(0).path("reason").asText())
                    .contains("imported from shop");
            assertThat(other.call("ce_learn_from", args("vault", "billing")).text()).contains("own vault");
        }
    }

    private static void awaitPatternNotes(ServerUnderTest server) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.ok("ce_search", args("query", "", "vaults", List.of("shop"), "types", List.of("pattern")))
                .path("total").asInt() == 0) {
            assertThat(System.nanoTime()).as("the shop vault indexed within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
