package dev.pce.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pce.server.client.McpStdioClient.ToolResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.pce.server.it.ServerUnderTest.args;
import static dev.pce.server.quality.EvidenceSamples.jacoco;
import static dev.pce.server.quality.EvidenceSamples.surefire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality gates over real stdio with the real Drools gate rules and real evidence files: a failing gate adds
 * remediation tasks and holds the next wave; passing evidence lifts the hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateIT {
    @TempDir
    static Path temp;

    private ServerUnderTest server;
    private Path evidence;

    @BeforeAll
    void start() throws IOException {
        Path workspace = temp.resolve("ws");
        server = ServerUnderTest.start(workspace);
        evidence = Files.createDirectories(workspace.resolve("evidence"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aFailingGateAddsRemediationAndHoldsTheNextWaveUntilItPasses() throws IOException {
        String id = server.ok("ce_plan", args("goal", "Rate limiting", "tasks", List.of(
                args("id", "store", "title", "Token bucket store", "kind", "build", "writes", List.of("src/Store.java")),
                args("id", "filter", "title", "HTTP filter", "kind", "build", "writes", List.of("src/Filter.java")),
                args("id", "wire", "title", "Wire the filter", "kind", "build", "depends_on",
                        List.of("store", "filter"))))).path("workflow_id").asText();
        Path junit = write("TEST-dev.example.StoreTest.xml", surefire(1));
        Path jacoco = write("jacoco.xml", jacoco(40, 60));
        AgentSteps.reportCleanLintSecurityAndReview(server, id);

        JsonNode failed = server.ok("ce_gate", args("workflow_id", id, "project_type", "library",
                "evidence", List.of(junit.toString(), jacoco.toString()))).path("gate");
        assertThat(failed.path("gate").asText()).isEqualTo("wave-0");
        assertThat(failed.path("blocking").asBoolean()).isTrue();
        assertThat(verdict(failed, "tests-failed")).isEqualTo("fail");
        assertThat(verdict(failed, "coverage-line")).isEqualTo("fail");
        assertThat(verdict(failed, "security-high")).isEqualTo("pass");
        List<String> added = texts(failed.path("added"));
        assertThat(added).isNotEmpty().allMatch(task -> task.startsWith("wave-0-fix-"));
        JsonNode testsFix = criterion(failed, "tests-failed").path("remediation");
        assertThat(testsFix.path("pool").asText()).isEqualTo("builders");

        JsonNode status = server.ok("ce_status", args("workflow_id", id)).path("workflow");
        JsonNode wire = task(status, "wire");
        assertThat(wire.path("status").asText()).isEqualTo("waiting");
        assertThat(texts(wire.path("waiting_for"))).contains("gate:wave-0");
        assertThat(texts(status.path("tasks").findValues("id").stream().map(JsonNode::asText).toList()))
                .containsAll(added);

        // the planned work of wave 0 and the fixes are done; the gate still holds "wire" until evidence passes
        finishAll(id, "builders", List.of("wire"));
        ToolResponse early = server.call("ce_claim", args("workflow_id", id, "pool", "builders", "agent", "b1",
                "task_id", "wire"));
        assertThat(early.isError()).isTrue();
        assertThat(early.text()).contains("gate:wave-0");

        write("TEST-dev.example.StoreTest.xml", surefire(0));
        write("jacoco.xml", jacoco(90, 10));
        JsonNode passed = server.ok("ce_gate", args("workflow_id", id, "project_type", "library",
                "evidence", List.of(junit.toString(), jacoco.toString()))).path("gate");
        assertThat(passed.path("blocking").asBoolean()).as(passed.toString()).isFalse();
        assertThat(task(server.ok("ce_status", args("workflow_id", id)).path("workflow"), "wire").path("status").asText())
                .isEqualTo("ready");
    }

    @Test
    void brokenEvidenceIsAnErrorNeverAPassAndPathsOutsideAreRefused() throws IOException {
        String id = server.ok("ce_plan", args("goal", "g", "tasks", List.of(args("id", "a", "title", "A",
                "kind", "build")))).path("workflow_id").asText();
        Path broken = write("TEST-broken.xml", "<testsuite name=\"x\"><testcase name=\"t\">");
        JsonNode result = server.ok("ce_gate", args("workflow_id", id, "project_type", "service",
                "evidence", List.of(broken.toString())));
        assertThat(result.path("evidence_read").path(0).path("problem").asText()).isNotEmpty();
        assertThat(verdict(result.path("gate"), "tests-failed")).isEqualTo("error");
        assertThat(result.path("gate").path("blocking").asBoolean()).isTrue();

        ToolResponse outside = server.call("ce_gate", args("workflow_id", id, "evidence", List.of("/etc/passwd")));
        assertThat(outside.isError()).isTrue();
        assertThat(outside.text()).contains("leads outside the project");
        ToolResponse missing = server.call("ce_gate", args("workflow_id", id, "evidence", List.of("no/such/dir")));
        assertThat(missing.text()).contains("does not exist");
        ToolResponse badMetric = server.call("ce_gate_report", args("workflow_id", id, "agent", "r",
                "dimension", "review", "measurements", List.of(args("metric", "coverage.line", "value", 3))));
        assertThat(badMetric.text()).contains("not a review metric");
    }

    @Test
    void aReviewAskingForChangesSendsReworkToTheBuildersAndHoldsTheDependents() {
        String id = server.ok("ce_plan", args("goal", "Login", "tasks", List.of(
                args("id", "api", "title", "Login API", "kind", "build", "writes", List.of("src/Login.java")),
                args("id", "review", "title", "Review the login", "kind", "review", "depends_on", List.of("api")),
                args("id", "release", "title", "Release", "kind", "build", "depends_on", List.of("review")))))
                .path("workflow_id").asText();
        finishAll(id, "builders", List.of("release"));
        JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", "reviewers", "agent", "r1"));
        JsonNode review = server.ok("ce_review", args("workflow_id", id, "task_id", "review", "agent", "r1",
                "claim_id", claim.path("task").path("claim_id").asText(), "verdicts", List.of(
                        args("dimension", "tests", "verdict", "approve"),
                        args("dimension", "security", "verdict", "request_changes", "findings", List.of(
                                args("severity", "high", "file", "src/Login.java", "line", 40,
                                        "message", "password compared with =="))))));

        assertThat(review.path("approved").asBoolean()).isFalse();
        assertThat(texts(review.path("added"))).containsExactly("api-rework-1", "review-again-1");
        JsonNode status = server.ok("ce_status", args("workflow_id", id)).path("workflow");
        assertThat(task(status, "release").path("status").asText()).isEqualTo("waiting");
        assertThat(task(status, "api-rework-1").path("pool").asText()).isEqualTo("builders");
        ToolResponse typo = server.call("ce_review", args("workflow_id", id, "task_id", "review-again-1",
                "agent", "r1", "claim_id", "cl-x", "verdicts", List.of(args("dimension", "tests", "verdict", "ok"))));
        assertThat(typo.text()).contains("verdicts[0].verdict is 'ok'");
    }

    /** Claims and completes every claimable task of the pool except {@code keep}. */
    private void finishAll(String id, String pool, List<String> keep) {
        while (true) {
            JsonNode claim = server.ok("ce_claim", args("workflow_id", id, "pool", pool, "agent", "b1"));
            if (!claim.path("claimed").asBoolean()) {
                return;
            }
            JsonNode task = claim.path("task");
            assertThat(keep).doesNotContain(task.path("spec").path("id").asText());
            server.ok("ce_complete", args("workflow_id", id, "task_id", task.path("spec").path("id").asText(),
                    "claim_id", task.path("claim_id").asText(), "agent", "b1", "summary", "done"));
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(evidence.resolve(name), content);
    }

    private static JsonNode criterion(JsonNode gate, String name) {
        for (JsonNode criterion : gate.path("criteria")) {
            if (criterion.path("criterion").asText().equals(name)) {
                return criterion;
            }
        }
        throw new AssertionError("no criterion " + name + " in " + gate);
    }

    private static String verdict(JsonNode gate, String name) {
        return criterion(gate, name).path("verdict").asText();
    }

    private static JsonNode task(JsonNode status, String id) {
        for (JsonNode task : status.path("tasks")) {
            if (task.path("id").asText().equals(id)) {
                return task;
            }
        }
        throw new AssertionError("no task " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(List<String> values) {
        return values;
    }
}
