package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.pce.server.it.ServerUnderTest.args;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wave gate judges only what the work up to its wave can have produced: with review required by the project, the
 * gate after the build wave does not hold the review that would approve the build; the gate after the review does.
 */
class WaveGateIT {
    @TempDir
    Path temp;

    @Test
    void theGateAfterTheBuildWaveDoesNotWaitForTheReviewPlannedAfterIt() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        TestFiles.write(project.resolve(".ce/config.yml"), """
                project_type: service
                gates:
                  required: [tests, review]
                """);
        try (ServerUnderTest server = ServerUnderTest.startIn(project, temp.resolve("ws"), Map.of("CE_POOLS", ""))) {
            String id = server.ok("ce_plan", args("goal", "Login", "tasks", List.of(
                    args("id", "api", "title", "Login API", "kind", "build"),
                    args("id", "review-api", "title", "Review the login", "kind", "review", "depends_on",
                            List.of("api")),
                    args("id", "release", "title", "Release", "kind", "build", "depends_on",
                            List.of("review-api"))))).path("workflow_id").asText();
            JsonNode api = server.ok("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1"));
            server.ok("ce_gate_report", args("workflow_id", id, "agent", "b1", "dimension", "tests", "measurements",
                    List.of(args("metric", "tests.total", "value", 12), args("metric", "tests.failed", "value", 0),
                            args("metric", "tests.errors", "value", 0),
                            args("metric", "tests.pass_rate", "value", 100))));

            server.ok("ce_complete", args("workflow_id", id, "task_id", "api", "agent", "b1",
                    "claim_id", api.path("task").path("claim_id").asText()));

            JsonNode waveZero = lastGate(server, id);
            assertThat(waveZero.path("gate").asText()).isEqualTo("wave-0");
            assertThat(waveZero.path("blocking").asBoolean()).as(waveZero.toString()).isFalse();
            JsonNode approvals = criterion(waveZero, "review-approvals");
            assertThat(approvals.path("required").asBoolean()).isFalse();
            assertThat(approvals.path("reason").asText()).contains("no task up to wave 0 produces review evidence");
            assertThat(waveZero.path("remediation_tasks").isEmpty()).isTrue();
            assertThat(status(server, id, "review-api")).isEqualTo("ready");

            JsonNode review = server.ok("ce_claim", args("workflow_id", id, "pool", "reviewers", "agent", "r1"));
            server.ok("ce_review", args("workflow_id", id, "task_id", "review-api", "agent", "r1", "claim_id",
                    review.path("task").path("claim_id").asText(), "verdicts",
                    List.of(args("dimension", "review", "verdict", "approve"))));

            JsonNode waveOne = lastGate(server, id);
            assertThat(waveOne.path("gate").asText()).isEqualTo("wave-1");
            assertThat(criterion(waveOne, "review-approvals").path("required").asBoolean()).as(waveOne.toString())
                    .isTrue();
            assertThat(criterion(waveOne, "review-approvals").path("verdict").asText()).isEqualTo("pass");
            assertThat(waveOne.path("blocking").asBoolean()).isFalse();
            assertThat(status(server, id, "release")).isEqualTo("ready");
        }
    }

    private static JsonNode lastGate(ServerUnderTest server, String id) {
        JsonNode events = server.ok("ce_events", args("workflow_id", id, "types", List.of("gate.evaluated")))
                .path("events");
        assertThat(events).as("a gate was judged").isNotEmpty();
        return events.path(events.size() - 1).path("payload");
    }

    private static String status(ServerUnderTest server, String id, String task) {
        for (JsonNode each : server.ok("ce_status", args("workflow_id", id)).path("workflow").path("tasks")) {
            if (each.path("id").asText().equals(task)) {
                return each.path("status").asText();
            }
        }
        throw new AssertionError("no task " + task);
    }

    private static JsonNode criterion(JsonNode gate, String name) {
        for (JsonNode criterion : gate.path("criteria")) {
            if (criterion.path("criterion").asText().equals(name)) {
                return criterion;
            }
        }
        throw new AssertionError("no criterion " + name + " in " + gate);
    }
}
